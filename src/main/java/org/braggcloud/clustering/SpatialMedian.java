package org.braggcloud.clustering;

import java.util.Arrays;

/**
 * Each feature replaced by its median over the scan pixel and its 8 neighbours that have
 * features. Domains span many scan pixels, so a pixel's neighbours are almost always in its own
 * domain: the median cuts the pixel-to-pixel noise of weak peaks about threefold, and, unlike a
 * mean, keeps a straight domain boundary where it is (on either side the majority of a 3 x 3
 * window lies in the pixel's own domain).
 */
public final class SpatialMedian {

	private SpatialMedian() {}

	/**
	 * @param pixels for each row, its scan pixel {@code y * nx + x}
	 * @return new rows; the input is not changed
	 */
	public static double[][] of(final double[][] rows, final int[] pixels, final int nx, final int ny) {
		final int d = FeatureScaling.requireRows(rows);
		if (pixels.length != rows.length) throw new IllegalArgumentException(pixels.length + " pixels for " + rows.length + " rows");
		final int[] rowAt = new int[nx * ny];
		Arrays.fill(rowAt, -1);
		for (int i = 0; i < rows.length; i++) rowAt[pixels[i]] = i;
		final double[][] out = new double[rows.length][d];
		final int[] near = new int[9];
		final double[] values = new double[9];
		for (int i = 0; i < rows.length; i++) {
			final int x = pixels[i] % nx, y = pixels[i] / nx;
			int m = 0;
			for (int dy = -1; dy <= 1; dy++)
				for (int dx = -1; dx <= 1; dx++) {
					final int xx = x + dx, yy = y + dy;
					if (xx < 0 || yy < 0 || xx >= nx || yy >= ny) continue;
					final int r = rowAt[yy * nx + xx];
					if (r >= 0) near[m++] = r;
				}
			for (int f = 0; f < d; f++) {
				for (int j = 0; j < m; j++) values[j] = rows[near[j]][f];
				Arrays.sort(values, 0, m);
				out[i][f] = m % 2 == 1 ? values[m / 2] : 0.5 * (values[m / 2 - 1] + values[m / 2]);
			}
		}
		return out;
	}
}
