package org.braggcloud.clustering;

/**
 * One criterion for the number of clusters, evaluated over candidate counts: what a user plots to
 * see how clear-cut the chosen count is.
 *
 * @param name   criterion name, also the CSV column ({@code paper}, {@code silhouette}, {@code bic})
 * @param k      candidate cluster counts, increasing
 * @param values criterion at each count
 * @param chosen the count this criterion picks
 */
public record CountCurve(String name, int[] k, double[] values, int chosen) {

	/** The criterion at count {@code kk}, NaN when not evaluated there. */
	public double valueAt(final int kk) {
		for (int i = 0; i < k.length; i++)
			if (k[i] == kk) return values[i];
		return Double.NaN;
	}
}
