package org.braggcloud.clustering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class GaussianMixtureTest {

	/** Two long, thin, parallel clusters tilted by 30 degrees, 3 apart across their width of 0.3. */
	private static Blobs elongated(final long seed) {
		final SplittableRandom r = new SplittableRandom(seed);
		final double c = Math.cos(Math.PI / 6), s = Math.sin(Math.PI / 6);
		final double[][] rows = new double[600][];
		final int[] truth = new int[600];
		for (int i = 0; i < rows.length; i++) {
			truth[i] = i % 2;
			final double along = 10 * Blobs.gaussian(r), across = 0.3 * Blobs.gaussian(r) + 3 * truth[i];
			rows[i] = new double[] {c * along - s * across, s * along + c * across, 0.5 * Blobs.gaussian(r)};
		}
		return Blobs.of(rows, truth);
	}

	@Test
	void recoversElongatedClustersThatKMeansSplitsWrongly() {
		for (final long seed : new long[] {1, 2}) {
			final Blobs b = elongated(seed);
			final GaussianMixture.Mixture m = GaussianMixture.components(2).restarts(3).seed(seed).threads(2).fit(b.rows);
			final double gmm = AdjustedRandIndex.of(b.truth, m.labels());
			final double km = AdjustedRandIndex.of(b.truth, KMeans.clusters(2).seed(seed).fit(b.rows).labels());
			assertTrue(gmm > 0.95, "GMM ARI " + gmm);
			assertTrue(gmm > km + 0.5, "GMM ARI " + gmm + " vs k-means " + km);
			assertEquals(1, m.weights()[0] + m.weights()[1], 1e-12);
		}
	}

	@Test
	void bicPrefersTheTrueCountAndFitIsThreadIndependent() {
		final Blobs b = Blobs.make(3, 150, 4, 4, 11);
		double best = Double.POSITIVE_INFINITY;
		int bestK = 0;
		for (int k = 1; k <= 6; k++) {
			final double bic = GaussianMixture.components(k).seed(3).fit(b.rows).bic();
			if (bic < best) {
				best = bic;
				bestK = k;
			}
		}
		assertEquals(3, bestK);
		final GaussianMixture.Mixture one = GaussianMixture.components(3).seed(4).threads(1).fit(b.rows);
		final GaussianMixture.Mixture three = GaussianMixture.components(3).seed(4).threads(3).fit(b.rows);
		assertArrayEquals(one.labels(), three.labels());
		assertEquals(one.logLikelihood(), three.logLikelihood(), 0);
		assertTrue(AdjustedRandIndex.of(b.truth, one.labels()) > 0.99);
		final GaussianMixture.Mixture diag = GaussianMixture.components(3).covariance(GaussianMixture.Covariance.DIAGONAL).seed(4).fit(b.rows);
		assertTrue(AdjustedRandIndex.of(b.truth, diag.labels()) > 0.99);
		assertEquals(2 + 3 * 4 + 3 * 4, diag.parameters());
		assertEquals(2 + 3 * 4 + 3 * 10, one.parameters());
	}
}
