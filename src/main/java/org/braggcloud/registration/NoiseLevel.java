package org.braggcloud.registration;

import java.util.Arrays;

/** Robust estimates of a map's noise and of how far its signal rises above it. */
final class NoiseLevel {

	private NoiseLevel() {
	}

	/**
	 * Standard deviation of pixel noise from differences of horizontal neighbours: the signal
	 * is smooth at the pixel scale, so the differences are mostly noise (variance 2 sigma^2),
	 * and their median absolute value ignores edges and isolated outliers.
	 */
	static double sigma(float[] map, int nx, int ny) {
		double[] d = new double[(nx - 1) * ny];
		int k = 0;
		for (int y = 0; y < ny; y++) {
			for (int x = 0; x + 1 < nx; x++) {
				d[k++] = Math.abs(map[y * nx + x + 1] - map[y * nx + x]);
			}
		}
		Arrays.sort(d);
		double mad = d.length % 2 == 1 ? d[d.length / 2] : 0.5 * (d[d.length / 2 - 1] + d[d.length / 2]);
		// For a normal difference, median |d| = 0.6745 sqrt(2) sigma.
		return mad / (0.6745 * Math.sqrt(2));
	}
}
