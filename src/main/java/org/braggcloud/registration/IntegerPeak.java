package org.braggcloud.registration;

import org.jtransforms.fft.DoubleFFT_2D;

/** The integer displacement at the maximum of a correlation surface. */
final class IntegerPeak {

	private IntegerPeak() {
	}

	/**
	 * Inverse-transforms the cross-power spectrum {@code crossPower} (consumed) and returns
	 * {dy, dx} of its largest real value among displacements of at most maxDy, maxDx pixels.
	 * Larger displacements are not searched: they would leave less than half of the map
	 * overlapping, and padding guarantees no wrap-around only up to there.
	 */
	static int[] find(double[] crossPower, int rows, int cols, DoubleFFT_2D fft, int maxDy, int maxDx) {
		fft.complexInverse(crossPower, false);
		double best = Double.NEGATIVE_INFINITY;
		int[] peak = {0, 0};
		for (int dy = -maxDy; dy <= maxDy; dy++) {
			int iy = Math.floorMod(dy, rows);
			for (int dx = -maxDx; dx <= maxDx; dx++) {
				double v = crossPower[2 * (iy * cols + Math.floorMod(dx, cols))];
				if (v > best) {
					best = v;
					peak[0] = dy;
					peak[1] = dx;
				}
			}
		}
		return peak;
	}
}
