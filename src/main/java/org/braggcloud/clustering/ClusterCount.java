package org.braggcloud.clustering;

import java.util.SplittableRandom;

import org.braggcloud.parallel.ParallelLoop;

/**
 * Criteria for how many clusters the features hold. The paper's elbow rule is kept exactly as
 * published so its 13 clusters can be reproduced; silhouette and BIC are the standard, less
 * threshold-dependent alternatives. Each returns its whole curve, because a count is only
 * trustworthy when the curve shows a clear optimum.
 */
public final class ClusterCount {

	/** k-means starts per candidate count for the silhouette curve. */
	private static final int CURVE_RESTARTS = 5;

	/** Rows the silhouette is evaluated on at most, to keep it O(m^2 d). */
	public static final int SILHOUETTE_ROWS = 2000;

	/**
	 * EM tolerance for the BIC curve: looser than a final fit's, since mixtures with too many
	 * components converge slowly and a BIC difference of a few units does not change the count.
	 */
	private static final double CURVE_TOLERANCE = 1e-4;

	/** Above this many dimensions the BIC mixtures use diagonal covariances. */
	public static final int FULL_COVARIANCE_MAX_DIMENSIONS = 32;

	private ClusterCount() {}

	/**
	 * The paper's rule: scale each feature to [0, 1]; for c = 1..kMax run k-means 3 times and keep
	 * the lowest within-cluster sum of squares D(c); with PC(r) = (D(1) - D(r+1)) / (D(1) - D(kMax))
	 * choose K = 1 + the first r with PC(r) > 0.95. The curve holds PC(K - 1) at K = 1..kMax
	 * (PC(0) = 0), so K is the first count whose value exceeds 0.95.
	 */
	public static CountCurve paper(final double[][] rows, final int kMax, final long seed, final int threads) {
		check(rows, kMax, rows.length, "paper");
		final double[][] scaled = FeatureScaling.minMax(rows);
		final double[] dc = new double[kMax + 1];
		for (int c = 1; c <= kMax; c++)
			dc[c] = KMeans.clusters(c).restarts(3).seed(seed + c).threads(threads).fit(scaled).withinSumOfSquares();
		final int[] ks = new int[kMax];
		final double[] pc = new double[kMax];
		final double range = dc[1] - dc[kMax];
		int chosen = 1;
		for (int kk = 1; kk <= kMax; kk++) {
			ks[kk - 1] = kk;
			pc[kk - 1] = range > 0 ? (dc[1] - dc[kk]) / range : 0;
		}
		if (range > 0) for (int kk = 2; kk <= kMax; kk++)
			if (pc[kk - 1] > 0.95) {
				chosen = kk;
				break;
			}
		return new CountCurve("paper", ks, pc, chosen);
	}

	/**
	 * Mean silhouette of k-means partitions for K = 2..kMax; the highest wins. Rows are clustered
	 * in full, the silhouette is taken on at most {@value #SILHOUETTE_ROWS} of them, picked by
	 * {@code seed}.
	 */
	public static CountCurve silhouette(final double[][] rows, final int kMax, final long seed, final int threads) {
		check(rows, kMax, rows.length - 1, "silhouette");
		final int[] sample = sample(rows.length, SILHOUETTE_ROWS, seed);
		final double[][] dist = distances(rows, sample, threads);
		final int[] ks = new int[kMax - 1];
		final double[] values = new double[kMax - 1];
		int chosen = 2;
		for (int kk = 2; kk <= kMax; kk++) {
			final int[] labels = KMeans.clusters(kk).restarts(CURVE_RESTARTS).seed(seed + kk).threads(threads).fit(rows).labels();
			final int[] sub = new int[sample.length];
			for (int i = 0; i < sample.length; i++)
				sub[i] = labels[sample[i]];
			ks[kk - 2] = kk;
			values[kk - 2] = meanSilhouette(dist, sub, kk);
			if (values[kk - 2] > values[chosen - 2]) chosen = kk;
		}
		return new CountCurve("silhouette", ks, values, chosen);
	}

	/**
	 * BIC of Gaussian mixtures for K = 1..kMax; the lowest wins. Full covariances up to
	 * {@value #FULL_COVARIANCE_MAX_DIMENSIONS} dimensions, diagonal above.
	 */
	public static CountCurve bic(final double[][] rows, final int kMax, final long seed, final int threads) {
		check(rows, kMax, rows.length, "bic");
		final int[] ks = new int[kMax];
		final double[] values = new double[kMax];
		int chosen = 1;
		for (int kk = 1; kk <= kMax; kk++) {
			ks[kk - 1] = kk;
			values[kk - 1] = GaussianMixture.components(kk).covariance(covarianceFor(rows[0].length)).tolerance(CURVE_TOLERANCE).seed(seed + kk).threads(threads).fit(rows).bic();
			if (values[kk - 1] < values[chosen - 1]) chosen = kk;
		}
		return new CountCurve("bic", ks, values, chosen);
	}

	/** The covariance shape the BIC curve (and the mixture clustering) uses for {@code d} dimensions. */
	public static GaussianMixture.Covariance covarianceFor(final int d) {
		return d <= FULL_COVARIANCE_MAX_DIMENSIONS ? GaussianMixture.Covariance.FULL : GaussianMixture.Covariance.DIAGONAL;
	}

	/** Mean silhouette of a partition given all pairwise distances; a row alone in its cluster scores 0. */
	static double meanSilhouette(final double[][] dist, final int[] labels, final int k) {
		final int m = labels.length;
		final int[] size = new int[k];
		for (final int l : labels)
			size[l]++;
		double total = 0;
		final double[] sum = new double[k];
		for (int i = 0; i < m; i++) {
			java.util.Arrays.fill(sum, 0);
			for (int j = 0; j < m; j++)
				sum[labels[j]] += dist[i][j];
			final int own = labels[i];
			if (size[own] < 2) continue;
			final double a = sum[own] / (size[own] - 1);
			double b = Double.POSITIVE_INFINITY;
			for (int c = 0; c < k; c++)
				if (c != own && size[c] > 0) b = Math.min(b, sum[c] / size[c]);
			if (b == Double.POSITIVE_INFINITY) continue;
			final double s = Math.max(a, b) > 0 ? (b - a) / Math.max(a, b) : 0;
			total += s;
		}
		return total / m;
	}

	/** {@code max} row indices (all when there are fewer), chosen by a seeded partial shuffle, sorted. */
	static int[] sample(final int n, final int max, final long seed) {
		final int[] idx = new int[n];
		for (int i = 0; i < n; i++)
			idx[i] = i;
		if (n <= max) return idx;
		final SplittableRandom r = new SplittableRandom(seed);
		for (int i = 0; i < max; i++) {
			final int j = i + r.nextInt(n - i);
			final int t = idx[i];
			idx[i] = idx[j];
			idx[j] = t;
		}
		final int[] out = java.util.Arrays.copyOf(idx, max);
		java.util.Arrays.sort(out);
		return out;
	}

	private static double[][] distances(final double[][] rows, final int[] sample, final int threads) {
		final int m = sample.length;
		final double[][] dist = new double[m][m];
		ParallelLoop.run(m, threads, 16, (w, from, to) -> {
			for (int i = from; i < to; i++)
				for (int j = 0; j < m; j++)
					dist[i][j] = Math.sqrt(KMeans.distance2(rows[sample[i]], rows[sample[j]]));
		});
		return dist;
	}

	private static void check(final double[][] rows, final int kMax, final int limit, final String criterion) {
		FeatureScaling.requireRows(rows);
		if (rows.length < 2) throw new IllegalArgumentException("Choosing a cluster count needs at least 2 rows, got " + rows.length);
		if (kMax < 2) throw new IllegalArgumentException("k_max must be >= 2, got " + kMax);
		if (kMax > limit)
			throw new IllegalArgumentException("k_max = " + kMax + " is too large for the " + criterion + " criterion on " + rows.length + " rows (at most " + limit + ")");
	}
}
