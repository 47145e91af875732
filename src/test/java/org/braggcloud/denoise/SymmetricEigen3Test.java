package org.braggcloud.denoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SymmetricEigen3Test {

	@Test
	void decomposesRandomAndDegenerateMatrices() {
		final SplittableRandom rng = new SplittableRandom(1);
		final double[][] cases = new double[203][];
		for (int c = 0; c < 200; c++) {
			cases[c] = new double[6];
			for (int k = 0; k < 6; k++)
				cases[c][k] = rng.nextGaussian() * Math.pow(10, rng.nextInt(5) - 2);
		}
		cases[200] = new double[] {2, 0, 0, 2, 0, 2};
		cases[201] = new double[6];
		cases[202] = new double[] {1, 1, 1, 1, 1, 1};
		final double[] values = new double[3];
		final double[] vectors = new double[9];
		for (final double[] a : cases) {
			SymmetricEigen3.decompose(a, values, vectors);
			final double[][] m = {{a[0], a[1], a[2]}, {a[1], a[3], a[4]}, {a[2], a[4], a[5]}};
			double scale = 0;
			for (final double x : a)
				scale = Math.max(scale, Math.abs(x));
			assertTrue(values[0] <= values[1] && values[1] <= values[2]);
			for (int k = 0; k < 3; k++) {
				for (int r = 0; r < 3; r++) {
					final double mv = m[r][0] * vectors[3 * k] + m[r][1] * vectors[3 * k + 1] + m[r][2] * vectors[3 * k + 2];
					assertEquals(values[k] * vectors[3 * k + r], mv, 1e-12 * Math.max(scale, 1e-300) + 1e-300);
				}
				for (int l = 0; l < 3; l++) {
					final double dot = vectors[3 * k] * vectors[3 * l] + vectors[3 * k + 1] * vectors[3 * l + 1] +
						vectors[3 * k + 2] * vectors[3 * l + 2];
					assertEquals(k == l ? 1 : 0, dot, 1e-12);
				}
			}
		}
	}
}
