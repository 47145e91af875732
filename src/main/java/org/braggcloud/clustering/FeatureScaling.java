package org.braggcloud.clustering;

/**
 * Puts features on a common scale before distances are taken, so that no feature dominates
 * k-means or the mixture merely because its numbers are larger. Both methods return new arrays and
 * leave the input alone; a constant column carries no information and becomes 0 rather than
 * NaN.
 */
public final class FeatureScaling {

	private FeatureScaling() {}

	/** Each column to mean 0 and (population) standard deviation 1. */
	public static double[][] zScore(final double[][] rows) {
		final int d = requireRows(rows);
		final int n = rows.length;
		final double[] mean = new double[d], sd = new double[d];
		for (final double[] r : rows)
			for (int j = 0; j < d; j++)
				mean[j] += r[j];
		for (int j = 0; j < d; j++)
			mean[j] /= n;
		for (final double[] r : rows)
			for (int j = 0; j < d; j++) {
				final double t = r[j] - mean[j];
				sd[j] += t * t;
			}
		for (int j = 0; j < d; j++)
			sd[j] = Math.sqrt(sd[j] / n);
		final double[][] out = new double[n][d];
		for (int i = 0; i < n; i++)
			for (int j = 0; j < d; j++)
				out[i][j] = constant(sd[j], mean[j]) ? 0 : (rows[i][j] - mean[j]) / sd[j];
		return out;
	}

	/** Each column to [0, 1] by its minimum and maximum: the paper's scaling for its cluster count rule. */
	public static double[][] minMax(final double[][] rows) {
		final int d = requireRows(rows);
		final int n = rows.length;
		final double[] lo = new double[d], hi = new double[d];
		java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
		java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
		for (final double[] r : rows)
			for (int j = 0; j < d; j++) {
				lo[j] = Math.min(lo[j], r[j]);
				hi[j] = Math.max(hi[j], r[j]);
			}
		final double[][] out = new double[n][d];
		for (int i = 0; i < n; i++)
			for (int j = 0; j < d; j++) {
				final double range = hi[j] - lo[j];
				out[i][j] = constant(range, hi[j]) ? 0 : (rows[i][j] - lo[j]) / range;
			}
		return out;
	}

	/** A spread this small against the values themselves is rounding noise, not signal. */
	private static boolean constant(final double spread, final double level) {
		return !(spread > 1e-12 * Math.max(1, Math.abs(level)));
	}

	/**
	 * Checks that there is at least one row, all rows have the same non-zero length and every value
	 * is finite; returns the row length.
	 *
	 * @throws IllegalArgumentException naming the first offending row and column (0-based)
	 */
	public static int requireRows(final double[][] rows) {
		if (rows == null || rows.length == 0) throw new IllegalArgumentException("No feature rows");
		final int d = rows[0].length;
		if (d == 0) throw new IllegalArgumentException("Feature rows have no columns");
		for (int i = 0; i < rows.length; i++) {
			if (rows[i].length != d)
				throw new IllegalArgumentException("Feature row " + i + " has " + rows[i].length + " values; expected " + d + " like row 0");
			for (int j = 0; j < d; j++)
				if (!Double.isFinite(rows[i][j]))
					throw new IllegalArgumentException("Feature row " + i + ", column " + j + " is " + rows[i][j] + "; features must be finite numbers");
		}
		return d;
	}

	/** Each column centred on its mean and divided by the given scale. */
	public static double[][] byScale(final double[][] rows, final double[] scales) {
		final int d = requireRows(rows);
		final double[] mean = new double[d];
		for (final double[] r : rows)
			for (int j = 0; j < d; j++) mean[j] += r[j] / rows.length;
		final double[][] out = new double[rows.length][d];
		for (int i = 0; i < rows.length; i++)
			for (int j = 0; j < d; j++) out[i][j] = (rows[i][j] - mean[j]) / scales[j];
		return out;
	}
}
