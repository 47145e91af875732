package org.braggcloud.clustering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClusterCountTest {

	@Test
	void paperRuleFindsFourWellSeparatedBlobsIn512Dimensions() {
		for (final long seed : new long[] {1, 2}) {
			final CountCurve paper = ClusterCount.paper(Blobs.make(4, 50, 512, 3.0, seed).rows, 15, seed, 2);
			assertEquals(4, paper.chosen(), () -> "paper curve " + java.util.Arrays.toString(paper.values()));
			assertTrue(paper.valueAt(4) > 0.95 && paper.valueAt(3) < 0.95);
			assertEquals(1.0, paper.valueAt(15), 1e-12);
			assertEquals(0.0, paper.valueAt(1), 0);
		}
	}

	/**
	 * Blobs whose centres are only as far apart as the noise per coordinate: silhouette and BIC
	 * (after PCA) still find 4, while the paper's 0.95 threshold overshoots because k-means keeps
	 * fitting 512-d noise with every extra cluster (PC(3) is only about 0.9 here).
	 */
	@Test
	void silhouetteAndBicFindFourCloserBlobsWhereThePaperRuleOvershoots() {
		for (final long seed : new long[] {1, 2}) {
			final Blobs b = Blobs.make(4, 50, 512, 1.0, seed);
			assertTrue(ClusterCount.paper(b.rows, 15, seed, 2).chosen() > 4);
			final double[][] reduced = PrincipalComponents.fit(FeatureScaling.zScore(b.rows), 10, 2).project(FeatureScaling.zScore(b.rows));
			final CountCurve silhouette = ClusterCount.silhouette(reduced, 15, seed, 2);
			assertEquals(4, silhouette.chosen(), () -> "silhouette " + java.util.Arrays.toString(silhouette.values()));
			assertEquals(2, silhouette.k()[0]);
			final CountCurve bic = ClusterCount.bic(reduced, 15, seed, 2);
			assertEquals(4, bic.chosen(), () -> "bic " + java.util.Arrays.toString(bic.values()));
		}
	}

	@Test
	void silhouetteOfAPerfectSplitAndSubsampling() {
		final double[][] dist = {{0, 1, 9, 9}, {1, 0, 9, 9}, {9, 9, 0, 1}, {9, 9, 1, 0}};
		// a = 1, b = 9 for every row: s = 8/9.
		assertEquals(8.0 / 9, ClusterCount.meanSilhouette(dist, new int[] {0, 0, 1, 1}, 2), 1e-12);
		final int[] s = ClusterCount.sample(10000, 2000, 4);
		assertEquals(2000, s.length);
		assertEquals(java.util.Arrays.toString(s), java.util.Arrays.toString(ClusterCount.sample(10000, 2000, 4)));
		assertEquals(2000, java.util.Arrays.stream(s).distinct().count());
	}

	@Test
	void badCountRangesAreErrors() {
		final double[][] rows = Blobs.make(2, 3, 2, 1, 1).rows;
		assertThrows(IllegalArgumentException.class, () -> ClusterCount.paper(rows, 1, 1, 1));
		assertThrows(IllegalArgumentException.class, () -> ClusterCount.silhouette(rows, 6, 1, 1));
	}
}
