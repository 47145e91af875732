package org.braggcloud.clustering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * A map of two domains (left and right half) seen through one clean feature and many noisy ones:
 * z-scoring lets the noisy features drown the clean one; weighting by the noise between
 * neighbouring pixels finds the domains.
 */
class PixelNoiseTest {

	private static final int NX = 30;
	private static final int NY = 20;

	@Test
	void neighbourNoiseWeightsTheCleanFeatureUp() {
		final SplittableRandom r = new SplittableRandom(4);
		final int n = NX * NY;
		final double[][] rows = new double[n][41];
		final int[] pixels = new int[n];
		final int[] truth = new int[n];
		for (int p = 0; p < n; p++) {
			pixels[p] = p;
			truth[p] = p % NX < NX / 2 ? 1 : 2;
			rows[p][0] = (truth[p] == 1 ? 0 : 1) + 0.15 * r.nextGaussian(); // clean: steps by 6.7 sigma
			for (int j = 1; j < 41; j++) rows[p][j] = r.nextGaussian(); // pure noise
		}
		final double[] scales = PixelNoise.of(rows, pixels, NX, NY);
		assertEquals(0.15, scales[0], 0.02, "noise of the clean feature, not its domain step");
		for (int j = 1; j < 41; j++) assertEquals(1.0, scales[j], 0.15, "noise of feature " + j);

		final ClusterAnalysis analysis = ClusterAnalysis.builder().clusters(2).seed(3).threads(2);
		final double weighted = AdjustedRandIndex.of(truth, plusOne(analysis.featureScales(scales).run(rows).labels()));
		final double zScored = AdjustedRandIndex.of(truth, plusOne(analysis.featureScales(null).run(rows).labels()));
		assertTrue(weighted > 0.99, "weighted by neighbour noise: ARI " + weighted);
		assertTrue(zScored < 0.5, "z-scored alike: ARI " + zScored);
	}

	private static int[] plusOne(final int[] labels) {
		final int[] out = labels.clone();
		for (int i = 0; i < out.length; i++) out[i]++;
		return out;
	}
}
