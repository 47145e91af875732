package org.braggcloud.clustering;

import java.util.Arrays;

/**
 * How much each feature varies between neighbouring scan pixels: a robust estimate of its
 * noise, since neighbours almost always lie in the same domain. Dividing features by it weights
 * them by signal-to-noise, so that a feature that separates domains cleanly (a peak centroid)
 * is not drowned by ones that mostly scatter from pixel to pixel (higher moments at low counts),
 * as it is when every feature is z-scored alike.
 */
public final class PixelNoise {

	/** MAD to standard deviation for Gaussian noise; differences of two pixels have sqrt(2) of it. */
	private static final double MAD_TO_SIGMA = 1.4826 / Math.sqrt(2);

	private PixelNoise() {}

	/**
	 * Per feature, the noise scale; where neighbours are too few or agree exactly, the feature's
	 * own spread.
	 *
	 * @param pixels for each row, its scan pixel {@code y * nx + x}
	 */
	public static double[] of(final double[][] rows, final int[] pixels, final int nx, final int ny) {
		final int d = FeatureScaling.requireRows(rows);
		if (pixels.length != rows.length) throw new IllegalArgumentException(pixels.length + " pixels for " + rows.length + " rows");
		final int[] rowAt = new int[nx * ny];
		Arrays.fill(rowAt, -1);
		for (int i = 0; i < rows.length; i++) rowAt[pixels[i]] = i;
		final double[][] diffs = new double[d][2 * rows.length];
		int m = 0;
		for (int i = 0; i < rows.length; i++) {
			final int x = pixels[i] % nx;
			final int y = pixels[i] / nx;
			final int right = x + 1 < nx ? rowAt[pixels[i] + 1] : -1;
			final int down = y + 1 < ny ? rowAt[pixels[i] + nx] : -1;
			for (final int other : new int[] { right, down }) {
				if (other < 0) continue;
				for (int j = 0; j < d; j++) diffs[j][m] = Math.abs(rows[i][j] - rows[other][j]);
				m++;
			}
		}
		final double[] scales = new double[d];
		for (int j = 0; j < d; j++) {
			double noise = 0;
			if (m >= 8) {
				final double[] a = Arrays.copyOf(diffs[j], m);
				Arrays.sort(a);
				noise = MAD_TO_SIGMA * (m % 2 == 1 ? a[m / 2] : 0.5 * (a[m / 2 - 1] + a[m / 2]));
			}
			scales[j] = noise > 0 ? noise : spread(rows, j);
		}
		return scales;
	}

	private static double spread(final double[][] rows, final int j) {
		double mean = 0;
		for (final double[] r : rows) mean += r[j] / rows.length;
		double var = 0;
		for (final double[] r : rows) var += (r[j] - mean) * (r[j] - mean) / rows.length;
		return var > 0 ? Math.sqrt(var) : 1;
	}
}
