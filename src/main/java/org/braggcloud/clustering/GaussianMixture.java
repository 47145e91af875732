package org.braggcloud.clustering;

import java.util.SplittableRandom;

import org.braggcloud.parallel.ParallelLoop;

/**
 * A Gaussian mixture fitted by expectation-maximisation: the density alternative to k-means, for
 * domains whose codewords spread further along some directions than others (k-means assumes round
 * clusters of equal size) and for choosing the cluster count by BIC.
 * <p>
 * Covariances are full by default: after the PCA to a handful of components that
 * {@link ClusterAnalysis} applies, a full d x d covariance per cluster is cheap and captures
 * elongated, tilted clusters that a diagonal one cannot. {@link Covariance#DIAGONAL} is there for
 * many dimensions, where full covariances would cost d^2 parameters per cluster. Every covariance
 * gets {@code 1e-6} times the mean feature variance added to its diagonal so that a cluster
 * collapsing onto a line or a single point cannot make the likelihood infinite.
 * <p>
 * Starts from a seeded k-means++/Lloyd partition; like {@link KMeans}, sums run in row order on
 * one thread, so the fit is identical for any thread count.
 */
public final class GaussianMixture {

	/** Shape of each component's covariance. */
	public enum Covariance { FULL, DIAGONAL }

	/**
	 * A fitted mixture.
	 *
	 * @param labels        component of highest posterior per row, numbered like {@link Clustering}
	 *                      (largest first)
	 * @param weights       mixing proportions
	 * @param means         K x d
	 * @param covariances   K x d x d (zero off the diagonal for {@link Covariance#DIAGONAL})
	 * @param logLikelihood total log-likelihood of the rows
	 * @param parameters    free parameters of the model
	 */
	public record Mixture(int[] labels, double[] weights, double[][] means, double[][][] covariances, double logLikelihood,
		int parameters, int rows)
	{

		/** Bayesian information criterion, {@code -2 log L + p ln n}: lower is better. */
		public double bic() {
			return -2 * logLikelihood + parameters * Math.log(rows);
		}

		public int k() {
			return means.length;
		}
	}

	private static final int CHUNK = 256;

	private final int k;
	private Covariance covariance = Covariance.FULL;
	private int restarts = 1;
	private int maxIterations = 300;
	private double tolerance = 1e-5;
	private long seed = 1;
	private int threads = 1;

	private GaussianMixture(final int k) {
		if (k < 1) throw new IllegalArgumentException("components must be >= 1, got " + k);
		this.k = k;
	}

	public static GaussianMixture components(final int k) {
		return new GaussianMixture(k);
	}

	public GaussianMixture covariance(final Covariance c) {
		covariance = c;
		return this;
	}

	/** Independent starts; the highest likelihood wins (default 1). */
	public GaussianMixture restarts(final int r) {
		if (r < 1) throw new IllegalArgumentException("restarts must be >= 1, got " + r);
		restarts = r;
		return this;
	}

	public GaussianMixture maxIterations(final int n) {
		if (n < 1) throw new IllegalArgumentException("maxIterations must be >= 1, got " + n);
		maxIterations = n;
		return this;
	}

	/** EM stops when the mean log-likelihood per row gains less than this (default 1e-5). */
	public GaussianMixture tolerance(final double t) {
		tolerance = t;
		return this;
	}

	public GaussianMixture seed(final long s) {
		seed = s;
		return this;
	}

	public GaussianMixture threads(final int t) {
		if (t < 1) throw new IllegalArgumentException("threads must be >= 1, got " + t);
		threads = t;
		return this;
	}

	public Mixture fit(final double[][] rows) {
		final int d = FeatureScaling.requireRows(rows);
		final int n = rows.length;
		if (k > n) throw new IllegalArgumentException("Cannot fit " + k + " components to " + rows.length + " rows");
		final double reg = 1e-6 * Math.max(meanVariance(rows, d), 1e-300);
		final SplittableRandom random = new SplittableRandom(seed);
		Mixture best = null;
		for (int r = 0; r < restarts; r++) {
			final int[] start = KMeans.clusters(k).restarts(1).maxIterations(20).seed(random.nextLong()).threads(threads).fit(rows).labels();
			final Mixture m = em(rows, d, start, reg);
			if (best == null || m.logLikelihood() > best.logLikelihood()) best = m;
		}
		final int[] labels = best.labels().clone();
		final int[] map = Clustering.canonicalOrder(labels, k);
		final double[][] means = Clustering.renumber(labels, map, best.means());
		final double[][][] covs = best.covariances().clone();
		final double[] weights = new double[k];
		for (int c = 0; c < k; c++) {
			covs[map[c]] = best.covariances()[c];
			weights[map[c]] = best.weights()[c];
		}
		return new Mixture(labels, weights, means, covs, best.logLikelihood(), best.parameters(), n);
	}

	private Mixture em(final double[][] rows, final int d, final int[] start, final double reg) {
		final int n = rows.length;
		final double[][] resp = new double[n][k];
		for (int i = 0; i < n; i++)
			resp[i][start[i]] = 1;
		final double[] weights = new double[k];
		final double[][] means = new double[k][d];
		final double[][][] covs = new double[k][d][d];
		final double[][][] chol = new double[k][][];
		final double[] logDet = new double[k];
		final boolean diagonal = covariance == Covariance.DIAGONAL;
		final double[] rowLl = new double[n];
		double ll = Double.NEGATIVE_INFINITY;
		for (int it = 0; it < maxIterations; it++) {
			maximise(rows, resp, weights, means, covs, reg);
			for (int c = 0; c < k; c++) {
				chol[c] = cholesky(covs[c], diagonal);
				double s = 0;
				for (int j = 0; j < d; j++)
					s += Math.log(chol[c][j][j]);
				logDet[c] = 2 * s;
			}
			ParallelLoop.run(n, threads, CHUNK, (w, from, to) -> {
				final double[] z = new double[d];
				for (int i = from; i < to; i++)
					rowLl[i] = expect(rows[i], resp[i], weights, means, chol, logDet, z, diagonal);
			});
			double next = 0;
			for (int i = 0; i < n; i++)
				next += rowLl[i];
			final boolean done = next - ll < tolerance * n;
			ll = next;
			if (done) break;
		}
		final int[] labels = new int[n];
		for (int i = 0; i < n; i++)
			for (int c = 1; c < k; c++)
				if (resp[i][c] > resp[i][labels[i]]) labels[i] = c;
		final int covParams = covariance == Covariance.FULL ? d * (d + 1) / 2 : d;
		return new Mixture(labels, weights, means, covs, ll, k - 1 + k * d + k * covParams, n);
	}

	/** M step: weights, means and (regularised) covariances from the responsibilities. */
	private void maximise(final double[][] rows, final double[][] resp, final double[] weights, final double[][] means,
		final double[][][] covs, final double reg)
	{
		final int n = rows.length, d = rows[0].length;
		// One component per task: its sums still run over rows in order, so threads do not change them.
		ParallelLoop.run(k, threads, 1, (w, from, to) -> {
			for (int c = from; c < to; c++)
				maximise(rows, resp, c, weights, means, covs, reg, n, d);
		});
	}

	private void maximise(final double[][] rows, final double[][] resp, final int c, final double[] weights, final double[][] means,
		final double[][][] covs, final double reg, final int n, final int d)
	{
		double nk = 0;
		final double[] mu = new double[d];
		for (int i = 0; i < n; i++) {
			final double r = resp[i][c];
			if (r == 0) continue;
			nk += r;
			for (int j = 0; j < d; j++)
				mu[j] += r * rows[i][j];
		}
		final double[][] cov = covs[c];
		for (final double[] line : cov)
			java.util.Arrays.fill(line, 0);
		if (nk < 1e-10) {
			// A component nobody belongs to: keep its mean, give it the data's spread, tiny weight.
			weights[c] = 1e-10 / n;
			for (int j = 0; j < d; j++)
				cov[j][j] = reg * 1e6;
			return;
		}
		for (int j = 0; j < d; j++)
			mu[j] /= nk;
		means[c] = mu;
		weights[c] = nk / n;
		final double[] t = new double[d];
		for (int i = 0; i < n; i++) {
			final double r = resp[i][c];
			if (r == 0) continue;
			for (int j = 0; j < d; j++)
				t[j] = rows[i][j] - mu[j];
			if (covariance == Covariance.FULL) {
				for (int a = 0; a < d; a++) {
					final double ra = r * t[a];
					for (int b = 0; b <= a; b++)
						cov[a][b] += ra * t[b];
				}
			}
			else for (int a = 0; a < d; a++)
				cov[a][a] += r * t[a] * t[a];
		}
		for (int a = 0; a < d; a++) {
			for (int b = 0; b <= a; b++)
				cov[b][a] = cov[a][b] /= nk;
			cov[a][a] += reg;
		}
	}

	/** E step for one row: its responsibilities (in place); returns its log-likelihood. */
	private static double expect(final double[] x, final double[] resp, final double[] weights, final double[][] means,
		final double[][][] chol, final double[] logDet, final double[] z, final boolean diagonal)
	{
		final int k = weights.length, d = x.length;
		double max = Double.NEGATIVE_INFINITY;
		for (int c = 0; c < k; c++) {
			final double[][] l = chol[c];
			double maha = 0;
			for (int a = 0; a < d; a++) {
				double s = x[a] - means[c][a];
				if (!diagonal) for (int b = 0; b < a; b++)
					s -= l[a][b] * z[b];
				z[a] = s / l[a][a];
				maha += z[a] * z[a];
			}
			resp[c] = Math.log(weights[c]) - 0.5 * (d * Math.log(2 * Math.PI) + logDet[c] + maha);
			max = Math.max(max, resp[c]);
		}
		double sum = 0;
		for (int c = 0; c < k; c++)
			sum += Math.exp(resp[c] - max);
		final double lse = max + Math.log(sum);
		for (int c = 0; c < k; c++)
			resp[c] = Math.exp(resp[c] - lse);
		return lse;
	}

	/** Lower Cholesky factor of a symmetric positive definite matrix. */
	private static double[][] cholesky(final double[][] a, final boolean diagonal) {
		final int d = a.length;
		final double[][] l = new double[d][d];
		for (int i = 0; i < d; i++)
			for (int j = diagonal ? i : 0; j <= i; j++) {
				double s = a[i][j];
				for (int m = 0; m < j; m++)
					s -= l[i][m] * l[j][m];
				if (i == j) {
					if (!(s > 0)) throw new IllegalStateException("Covariance not positive definite despite regularisation");
					l[i][i] = Math.sqrt(s);
				}
				else l[i][j] = s / l[j][j];
			}
		return l;
	}

	private static double meanVariance(final double[][] rows, final int d) {
		double total = 0;
		for (int j = 0; j < d; j++) {
			double m = 0, q = 0;
			for (final double[] r : rows)
				m += r[j];
			m /= rows.length;
			for (final double[] r : rows)
				q += (r[j] - m) * (r[j] - m);
			total += q / rows.length;
		}
		return total / d;
	}
}
