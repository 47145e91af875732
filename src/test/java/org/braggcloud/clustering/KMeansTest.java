package org.braggcloud.clustering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KMeansTest {

	@Test
	void recoversBlobsIn512Dimensions() {
		for (final long seed : new long[] {1, 2, 3}) {
			final Blobs b = Blobs.make(4, 60, 512, 0.5, seed);
			final Clustering c = KMeans.clusters(4).restarts(5).seed(seed).threads(2).fit(b.rows);
			final double ari = AdjustedRandIndex.of(b.truth, c.labels());
			assertTrue(ari > 0.99, "seed " + seed + ": ARI " + ari);
			assertEquals(4, c.k());
		}
	}

	@Test
	void sameResultForAnyThreadCount() {
		final Blobs b = Blobs.make(6, 300, 20, 1.0, 9);
		final Clustering one = KMeans.clusters(6).restarts(4).seed(7).threads(1).fit(b.rows);
		for (final int t : new int[] {2, 3, 8}) {
			final Clustering many = KMeans.clusters(6).restarts(4).seed(7).threads(t).fit(b.rows);
			assertArrayEquals(one.labels(), many.labels());
			assertEquals(one.withinSumOfSquares(), many.withinSumOfSquares(), 0);
		}
	}

	@Test
	void clustersNumberedByDecreasingSize() {
		final double[][] rows = {{10}, {0}, {10.1}, {0.1}, {9.9}, {20}};
		final Clustering c = KMeans.clusters(3).seed(1).fit(rows);
		assertArrayEquals(new int[] {0, 1, 0, 1, 0, 2}, c.labels());
		assertArrayEquals(new int[] {3, 2, 1}, c.sizes());
		assertEquals(10, c.centroids()[0][0], 1e-12);
		assertEquals(2 * 0.01 + 0.005, c.withinSumOfSquares(), 1e-9);
	}

	@Test
	void moreClustersThanRowsIsAnError() {
		assertThrows(IllegalArgumentException.class, () -> KMeans.clusters(3).fit(new double[][] {{1}, {2}}));
	}
}
