package org.braggcloud.clustering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SpatialMedianTest {

	@Test
	void cutsNoiseAndKeepsAStraightBoundary() {
		final int nx = 30, ny = 20;
		final SplittableRandom rng = new SplittableRandom(1);
		final double[][] rows = new double[nx * ny][];
		final int[] pixels = new int[nx * ny];
		for (int i = 0; i < rows.length; i++) {
			pixels[i] = i;
			rows[i] = new double[] { (i % nx < 15 ? 0 : 10) + Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble()) };
		}
		final double[][] s = SpatialMedian.of(rows, pixels, nx, ny);
		double raw = 0, smooth = 0;
		int n = 0;
		for (int y = 1; y < ny - 1; y++)
			for (int x = 1; x < 13; x++) {
				raw += rows[y * nx + x][0] * rows[y * nx + x][0];
				smooth += s[y * nx + x][0] * s[y * nx + x][0];
				n++;
			}
		// The median of 9 Gaussian values has about 0.4 of their spread.
		assertEquals(0.4, Math.sqrt(smooth / raw), 0.1);
		for (int y = 1; y < ny - 1; y++) {
			assertTrue(s[y * nx + 14][0] < 5, "left of the boundary stays left");
			assertTrue(s[y * nx + 15][0] > 5, "right of the boundary stays right");
		}
	}
}
