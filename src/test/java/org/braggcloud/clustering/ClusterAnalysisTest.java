package org.braggcloud.clustering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.braggcloud.clustering.ClusterAnalysis.Criterion;
import org.braggcloud.clustering.ClusterAnalysis.Method;
import org.junit.jupiter.api.Test;

class ClusterAnalysisTest {

	@Test
	void automaticCountOnBlobs() {
		final Blobs b = Blobs.make(4, 60, 512, 3.0, 21);
		// For the boundaries criterion, each blob occupies a band of a 24 x 10 scan, in the order of its truth label.
		final Integer[] order = new Integer[b.rows.length];
		for (int i = 0; i < order.length; i++) order[i] = i;
		java.util.Arrays.sort(order, (p, q) -> Integer.compare(b.truth[p], b.truth[q]));
		final int[] pixels = new int[order.length];
		for (int i = 0; i < order.length; i++) pixels[order[i]] = i;
		for (final Criterion c : Criterion.values()) {
			final ClusterAnalysis.Result r = ClusterAnalysis.builder().criterion(c).scanPixels(pixels, 24, 10).kMax(8).seed(5).threads(2)
				.run(b.rows);
			assertEquals(4, r.k(), c.key());
			assertEquals(c, r.criterion());
			assertEquals(3, r.curves().size());
			assertEquals(10, r.dimensions());
			assertTrue(AdjustedRandIndex.of(b.truth, r.labels()) > 0.99);
			assertEquals(240, r.embedding().length);
		}
		final ClusterAnalysis.Result g = ClusterAnalysis.builder().method(Method.GMM).clusters(4).seed(5).threads(2).run(b.rows);
		assertTrue(AdjustedRandIndex.of(b.truth, g.labels()) > 0.99);
		assertNull(g.criterion());
		assertTrue(g.curves().isEmpty());
	}

	@Test
	void clearErrors() {
		final double[][] rows = Blobs.make(2, 3, 4, 1, 1).rows;
		assertTrue(assertThrows(IllegalArgumentException.class, () -> ClusterAnalysis.builder().clusters(7).run(rows)).getMessage().contains("more than the 6"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> ClusterAnalysis.builder().kMax(1).run(rows)).getMessage().contains("k_max"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> ClusterAnalysis.builder().run(new double[][] {{1, 2}})).getMessage().contains("at least 2"));
		rows[2][3] = Double.NaN;
		assertTrue(assertThrows(IllegalArgumentException.class, () -> ClusterAnalysis.builder().clusters(2).run(rows)).getMessage().contains("row 2, column 3"));
		assertEquals(Method.GMM, Method.parse("gmm"));
		assertThrows(IllegalArgumentException.class, () -> Criterion.parse("elbow"));
	}
}
