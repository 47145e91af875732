package org.braggcloud.clustering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PrincipalComponentsTest {

	/** Axes of a known covariance: variances 9, 4, 1, 0.25 along an orthonormal basis tilted in 4-D. */
	@Test
	void recoversAKnownCovariance() {
		final double s = Math.sqrt(0.5);
		final double[][] axes = {{s, s, 0, 0}, {-s, s, 0, 0}, {0, 0, 0.6, 0.8}, {0, 0, -0.8, 0.6}};
		final double[] sd = {3, 2, 1, 0.5};
		final SplittableRandom r = new SplittableRandom(5);
		final double[][] rows = new double[40000][4];
		for (final double[] row : rows)
			for (int a = 0; a < 4; a++) {
				final double z = sd[a] * Blobs.gaussian(r);
				for (int j = 0; j < 4; j++)
					row[j] += z * axes[a][j] + (j == 3 ? 7 : 0) / 4.0;
			}
		final PrincipalComponents pca = PrincipalComponents.fit(rows, 3, 2);
		final double[] v = pca.variances();
		assertArrayEquals(new double[] {9, 4, 1}, v, 0.15);
		final double[] ratio = pca.explainedVarianceRatio();
		assertEquals(9 / 14.25, ratio[0], 0.01);
		for (int c = 0; c < 3; c++) {
			final double[] u = pca.component(c);
			double dot = 0;
			for (int j = 0; j < 4; j++)
				dot += u[j] * axes[c][j];
			assertTrue(Math.abs(dot) > 0.995, "component " + c + " off its axis: " + dot);
			int big = 0;
			for (int j = 1; j < 4; j++)
				if (Math.abs(u[j]) > Math.abs(u[big])) big = j;
			assertTrue(u[big] > 0, "largest loading positive");
		}
		final double[][] p = pca.project(rows);
		double mean = 0, var = 0;
		for (final double[] q : p)
			mean += q[0] / p.length;
		for (final double[] q : p)
			var += (q[0] - mean) * (q[0] - mean) / (p.length - 1);
		assertEquals(0, mean, 1e-9);
		assertEquals(v[0], var, 1e-6 * v[0]);
		// Thread count does not change the result.
		assertArrayEquals(pca.component(0), PrincipalComponents.fit(rows, 3, 1).component(0), 0);
	}
}
