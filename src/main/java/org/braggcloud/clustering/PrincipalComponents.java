package org.braggcloud.clustering;

import org.braggcloud.parallel.ParallelLoop;

/**
 * Principal components of feature rows, for two reasons: distances in 512-d codewords are
 * dominated by many weak, noisy directions, so clustering a few leading components is both faster
 * and cleaner; and the first two components give a 2-D picture of the clusters.
 * <p>
 * The covariance is formed column against column (contiguous dot products, spread over threads,
 * each entry summed in one fixed order so the result does not depend on the thread count) and
 * decomposed with a symmetric eigen solver. An eigenvector's sign is arbitrary; each component is
 * flipped so that its largest-magnitude loading is positive, so projections are reproducible.
 */
public final class PrincipalComponents {

	private final double[] mean;
	private final double[][] components;
	private final double[] variances;
	private final double totalVariance;

	private PrincipalComponents(final double[] mean, final double[][] components, final double[] variances, final double totalVariance) {
		this.mean = mean;
		this.components = components;
		this.variances = variances;
		this.totalVariance = totalVariance;
	}

	/** {@link #fit(double[][], int, int)} on all cores. */
	public static PrincipalComponents fit(final double[][] rows, final int components) {
		return fit(rows, components, Runtime.getRuntime().availableProcessors());
	}

	/**
	 * @param components how many leading components to keep, 1..number of columns
	 * @param threads    threads for the covariance
	 */
	public static PrincipalComponents fit(final double[][] rows, final int components, final int threads) {
		final int d = FeatureScaling.requireRows(rows);
		final int n = rows.length;
		if (n < 2) throw new IllegalArgumentException("PCA needs at least 2 rows, got " + n);
		if (components < 1 || components > d)
			throw new IllegalArgumentException("PCA components must be 1.." + d + ", got " + components);
		final double[] mean = new double[d];
		for (final double[] r : rows)
			for (int j = 0; j < d; j++)
				mean[j] += r[j];
		for (int j = 0; j < d; j++)
			mean[j] /= n;
		final double[][] columns = new double[d][n];
		for (int i = 0; i < n; i++)
			for (int j = 0; j < d; j++)
				columns[j][i] = rows[i][j] - mean[j];
		final double[][] cov = new double[d][d];
		ParallelLoop.run(d, threads, 4, (w, from, to) -> {
			for (int a = from; a < to; a++)
				for (int b = a; b < d; b++) {
					final double[] x = columns[a], y = columns[b];
					double s = 0;
					for (int i = 0; i < n; i++)
						s += x[i] * y[i];
					cov[a][b] = s / (n - 1);
				}
		});
		double trace = 0;
		for (int a = 0; a < d; a++) {
			trace += cov[a][a];
			for (int b = 0; b < a; b++)
				cov[a][b] = cov[b][a];
		}
		final SymmetricEigen eig = SymmetricEigen.of(cov);
		final double[] values = eig.values;
		final Integer[] order = new Integer[d];
		for (int j = 0; j < d; j++)
			order[j] = j;
		java.util.Arrays.sort(order, (p, q) -> Double.compare(values[q], values[p]));
		final double[][] comps = new double[components][];
		final double[] vars = new double[components];
		for (int c = 0; c < components; c++) {
			final double[] v = eig.vectors[order[c]].clone();
			int big = 0;
			for (int j = 1; j < d; j++)
				if (Math.abs(v[j]) > Math.abs(v[big])) big = j;
			if (v[big] < 0) for (int j = 0; j < d; j++)
				v[j] = -v[j];
			comps[c] = v;
			vars[c] = Math.max(0, values[order[c]]);
		}
		return new PrincipalComponents(mean, comps, vars, trace);
	}

	/** Rows (with the fitted column count) in component coordinates, n x components. */
	public double[][] project(final double[][] rows) {
		final int d = mean.length;
		final double[][] out = new double[rows.length][components.length];
		for (int i = 0; i < rows.length; i++) {
			if (rows[i].length != d) throw new IllegalArgumentException("Row " + i + " has " + rows[i].length + " values; PCA was fitted on " + d);
			for (int c = 0; c < components.length; c++) {
				double s = 0;
				for (int j = 0; j < d; j++)
					s += (rows[i][j] - mean[j]) * components[c][j];
				out[i][c] = s;
			}
		}
		return out;
	}

	/** Fraction of the total variance along each kept component, in decreasing order. */
	public double[] explainedVarianceRatio() {
		final double[] r = new double[variances.length];
		for (int c = 0; c < r.length; c++)
			r[c] = totalVariance > 0 ? variances[c] / totalVariance : 0;
		return r;
	}

	/** Variance along each kept component (eigenvalues of the covariance, divisor n - 1). */
	public double[] variances() {
		return variances.clone();
	}

	/** Unit loading vector of component {@code c}. */
	public double[] component(final int c) {
		return components[c].clone();
	}

	public int size() {
		return components.length;
	}
}
