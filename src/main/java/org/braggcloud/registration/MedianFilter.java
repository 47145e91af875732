package org.braggcloud.registration;

import java.util.Arrays;

/**
 * 3 x 3 median filter, edges replicated. Integrated-intensity maps carry impulsive outliers:
 * a hot detector pixel that misses a frame, or a zinger, moves one scan point by thousands of
 * counts. A median removes such isolated points while keeping the particle's outline and
 * domain walls sharp, which a linear smoothing would not.
 */
final class MedianFilter {

	private MedianFilter() {
	}

	static float[] median3x3(float[] map, int nx, int ny) {
		float[] out = new float[map.length];
		float[] w = new float[9];
		for (int y = 0; y < ny; y++) {
			for (int x = 0; x < nx; x++) {
				int k = 0;
				for (int v = -1; v <= 1; v++) {
					int row = Math.min(ny - 1, Math.max(0, y + v)) * nx;
					for (int u = -1; u <= 1; u++) {
						w[k++] = map[row + Math.min(nx - 1, Math.max(0, x + u))];
					}
				}
				Arrays.sort(w);
				out[y * nx + x] = w[4];
			}
		}
		return out;
	}
}
