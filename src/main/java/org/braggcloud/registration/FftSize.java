package org.braggcloud.registration;

/** Padded transform sizes. */
final class FftSize {

	private FftSize() {
	}

	/**
	 * Padded length for an axis of n pixels: at least 1.5 n, so that shifts up to half the map
	 * never wrap around onto the other side, rounded up to a product of 2, 3 and 5, which the
	 * mixed-radix FFT handles fastest.
	 */
	static int padded(int n) {
		int m = Math.max(2, n + (n + 1) / 2);
		while (!smooth(m)) {
			m++;
		}
		return m;
	}

	private static boolean smooth(int m) {
		for (int p : new int[] {2, 3, 5}) {
			while (m % p == 0) {
				m /= p;
			}
		}
		return m == 1;
	}
}
