package org.braggcloud.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The plane grid's layout: first coordinate outer, both spanning [-0.3, 0.3] in 45 steps. */
class FoldingGridTest {

	@Test
	void planeIsFortyFiveSquaredWithFirstCoordinateOuter() {
		final float[] g = FoldingGrid.plane();
		assertEquals(2025 * 2, g.length);
		assertEquals(-0.3f, g[0]);
		assertEquals(-0.3f, g[1]);
		assertEquals(-0.3f, g[2]); // point 1: same first coordinate
		assertEquals((float) (-0.3 + 0.6 / 44), g[3]);
		assertEquals((float) (-0.3 + 0.6 / 44), g[2 * 45]); // point 45: next row
		assertEquals(-0.3f, g[2 * 45 + 1]);
		assertEquals(0.3f, g[g.length - 2]);
		assertEquals(0.3f, g[g.length - 1]);
		assertEquals(0f, g[2 * (22 * 45 + 22)], 1e-7f);
	}

	@Test
	void sphereIsEvenOnRadiusPointThree() {
		final float[] g = FoldingGrid.sphere();
		assertEquals(2025 * 3, g.length);
		final double[] mean = new double[3];
		for (int i = 0; i < 2025; i++) {
			final double r = Math.sqrt(g[3 * i] * g[3 * i] + g[3 * i + 1] * g[3 * i + 1] + g[3 * i + 2] * g[3 * i + 2]);
			assertEquals(0.3, r, 1e-6);
			for (int d = 0; d < 3; d++) mean[d] += g[3 * i + d] / 2025;
		}
		// even coverage: the centroid of the points is the sphere's centre, to 1 % of the radius
		for (final double m : mean) assertEquals(0, m, 0.003);
		assertArrayEquals(g, FoldingGrid.sphere());
	}

	@Test
	void gaussianIsCentredNormalLikeThePapersFile() {
		final float[] g = FoldingGrid.gaussian();
		assertEquals(2025 * 3, g.length);
		double max = 0;
		final double[] mean = new double[3];
		final double[] var = new double[3];
		for (int i = 0; i < 2025; i++) {
			double r = 0;
			for (int d = 0; d < 3; d++) {
				mean[d] += g[3 * i + d] / 2025;
				var[d] += g[3 * i + d] * g[3 * i + d] / 2025;
				r += g[3 * i + d] * g[3 * i + d];
			}
			max = Math.max(max, Math.sqrt(r));
		}
		assertEquals(0.3, max, 1e-6);
		for (int d = 0; d < 3; d++) {
			assertEquals(0, mean[d], 1e-6);
			// the paper's gaussian.npy has standard deviations 0.069 to 0.072 per axis
			assertEquals(0.07, Math.sqrt(var[d]), 0.012);
		}
		// the first coordinates are exactly Box-Muller of Halton: no random source involved
		assertEquals(0.5, FoldingGrid.halton(1, 2));
		assertEquals(1.0 / 3, FoldingGrid.halton(1, 3), 1e-15);
		assertEquals(0.25, FoldingGrid.halton(2, 2));
	}
}
