package org.braggcloud.clustering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FeatureScalingTest {

	private static final double[][] ROWS = {{1, 5, 10}, {3, 5, 20}, {5, 5, 60}};

	@Test
	void zScoreGivesUnitColumnsAndZeroForConstants() {
		final double[][] z = FeatureScaling.zScore(ROWS);
		final double sd = Math.sqrt(8.0 / 3);
		assertArrayEquals(new double[] {-2 / sd, 0, 2 / sd}, new double[] {z[0][0], z[1][0], z[2][0]}, 1e-12);
		for (final double[] r : z)
			assertEquals(0, r[1]);
		assertEquals(1, ROWS[0][0], "input untouched");
	}

	@Test
	void minMaxMapsToUnitInterval() {
		final double[][] m = FeatureScaling.minMax(ROWS);
		assertArrayEquals(new double[] {0, 0, 0}, m[0], 1e-12);
		assertArrayEquals(new double[] {0.5, 0, 0.2}, m[1], 1e-12);
		assertArrayEquals(new double[] {1, 0, 1}, m[2], 1e-12);
	}

	@Test
	void nanNamesRowAndColumn() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> FeatureScaling.zScore(new double[][] {{1, 2}, {3, Double.NaN}}));
		assertTrue(e.getMessage().contains("row 1, column 1"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> FeatureScaling.minMax(new double[][] {{1, 2}, {3}}));
	}
}
