package org.braggcloud.clustering;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Feature rows to cluster labels, the way the defect-domain maps are made: z-score every feature
 * (so that no codeword dimension dominates by scale), reduce to a few principal components, pick
 * the cluster count when not given, cluster, and keep a 2-D PCA picture for plotting.
 * <p>
 * PCA default ({@code pcaComponents(-1)}): when there are more than 10 features, the z-scored
 * features are reduced to their 10 leading components; with 10 or fewer they are clustered as they
 * are. 10 components keep the clear structure of the FoldingNet codewords while making k-means,
 * the silhouette and full-covariance mixtures cheap and well-conditioned; {@code 0} turns PCA off.
 * <p>
 * When the count is automatic all three criteria are computed, so that their curves can be
 * compared; the chosen {@link Criterion} decides. The paper's rule runs on the [0, 1]-scaled raw
 * features, as published; silhouette and BIC on the rows that are clustered.
 * <pre>
 * ClusterAnalysis.Result r = ClusterAnalysis.builder().method(Method.KMEANS).seed(1).threads(8).run(rows);
 * </pre>
 */
public final class ClusterAnalysis {

	public enum Method {
		KMEANS, GMM;

		/** {@code kmeans} or {@code gmm}, as a user types it. */
		public static Method parse(final String s) {
			for (final Method m : values())
				if (m.name().equalsIgnoreCase(s.trim())) return m;
			throw new IllegalArgumentException("Unknown clustering method '" + s + "'; expected kmeans or gmm");
		}
	}

	public enum Criterion {
		PAPER, SILHOUETTE, BIC,
		/**
		 * The mixture BIC's count, which splits domains along their gradients rather than merge
		 * two, then {@link BoundaryMerge}: seams dissolved and clusters with no jump between them
		 * merged. Needs the scan pixels of the rows ({@link ClusterAnalysis#scanPixels}).
		 */
		BOUNDARIES;

		/** {@code paper}, {@code silhouette}, {@code bic} or {@code boundaries}. */
		public static Criterion parse(final String s) {
			for (final Criterion c : values())
				if (c.name().equalsIgnoreCase(s.trim())) return c;
			throw new IllegalArgumentException("Unknown cluster count criterion '" + s + "'; expected paper, silhouette, bic or boundaries");
		}

		public String key() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/**
	 * @param labels     cluster per row, 0..k-1, largest cluster first
	 * @param k          the number of clusters used
	 * @param criterion  the criterion that chose {@code k}; null when it was given
	 * @param curves     every criterion curve computed (empty when {@code k} was given)
	 * @param embedding  n x 2 coordinates on the first two principal components of the z-scored
	 *                   features (second column 0 for a single feature)
	 * @param dimensions columns actually clustered (after PCA)
	 */
	public record Result(int[] labels, int k, Criterion criterion, List<CountCurve> curves, double[][] embedding, int dimensions) {}

	/** The largest cluster count considered unless told otherwise. */
	public static final int DEFAULT_K_MAX = 15;

	/** Threshold above which the default PCA applies, and the components it keeps. */
	public static final int DEFAULT_PCA_COMPONENTS = 10;

	private Method method = Method.KMEANS;
	private int clusters = 0;
	private Criterion criterion = Criterion.SILHOUETTE;
	private int kMax = DEFAULT_K_MAX;
	private long seed = 1;
	private int threads = 1;
	private int pcaComponents = -1;
	private int restarts = 10;
	private double[] scales;
	private boolean minMax;
	private int[] pixels;
	private int nx, ny;
	private boolean seams;

	private ClusterAnalysis() {}

	public static ClusterAnalysis builder() {
		return new ClusterAnalysis();
	}

	public ClusterAnalysis method(final Method m) {
		method = m;
		return this;
	}

	/** Number of clusters; 0 (default) chooses it by {@link #criterion}. */
	public ClusterAnalysis clusters(final int k) {
		if (k < 0) throw new IllegalArgumentException("clusters must be >= 0 (0 = automatic), got " + k);
		clusters = k;
		return this;
	}

	public ClusterAnalysis criterion(final Criterion c) {
		criterion = c;
		return this;
	}

	/** Largest count the criteria consider (default 15). */
	public ClusterAnalysis kMax(final int k) {
		kMax = k;
		return this;
	}

	public ClusterAnalysis seed(final long s) {
		seed = s;
		return this;
	}

	public ClusterAnalysis threads(final int t) {
		if (t < 1) throw new IllegalArgumentException("threads must be >= 1, got " + t);
		threads = t;
		return this;
	}

	/** Principal components to cluster: -1 (default) = 10 when there are more than 10 features, 0 = no PCA. */
	public ClusterAnalysis pcaComponents(final int p) {
		if (p < -1) throw new IllegalArgumentException("pcaComponents must be -1 (automatic), 0 (none) or positive, got " + p);
		pcaComponents = p;
		return this;
	}

	/**
	 * Divides each centred feature by the given scale instead of its standard deviation: a
	 * caller that knows each feature's noise (for example from neighbouring scan pixels) weights
	 * the features by their signal-to-noise ratio this way. Null restores z-scoring.
	 */
	public ClusterAnalysis featureScales(final double[] s) {
		if (s != null) for (final double v : s) if (!(v > 0)) throw new IllegalArgumentException("feature scales must be positive, got " + v);
		scales = s == null ? null : s.clone();
		return this;
	}

	/**
	 * Scales each feature to [0, 1] by its range instead (the paper's analysis), ignoring
	 * {@link #featureScales}.
	 */
	public ClusterAnalysis minMaxScaling(final boolean on) {
		minMax = on;
		return this;
	}

	/**
	 * The scan pixel ({@code y * nx + x}) of each row, for criteria that use the scan's layout
	 * ({@link Criterion#BOUNDARIES}).
	 */
	public ClusterAnalysis scanPixels(final int[] rowPixels, final int scanNx, final int scanNy) {
		pixels = rowPixels.clone();
		nx = scanNx;
		ny = scanNy;
		return this;
	}

	/**
	 * Gives thin regions along domain boundaries back to the clusters around them
	 * ({@link SeamCleanup}); needs {@link #scanPixels}. Off by default.
	 */
	public ClusterAnalysis seamCleanup(final boolean on) {
		seams = on;
		return this;
	}

	/** k-means starts (or mixture starts) for the final clustering (default 10). */
	public ClusterAnalysis restarts(final int r) {
		if (r < 1) throw new IllegalArgumentException("restarts must be >= 1, got " + r);
		restarts = r;
		return this;
	}

	public Result run(final double[][] rows) {
		if (rows == null || rows.length < 2)
			throw new IllegalArgumentException("Clustering needs at least 2 feature rows, got " + (rows == null ? 0 : rows.length));
		final int d = FeatureScaling.requireRows(rows);
		final int n = rows.length;
		if (clusters > n) throw new IllegalArgumentException("clusters = " + clusters + " is more than the " + n + " feature rows");
		if (clusters == 0 && kMax < 2) throw new IllegalArgumentException("k_max must be >= 2 to choose the cluster count, got " + kMax);
		if (scales != null && scales.length != d) throw new IllegalArgumentException(scales.length + " feature scales for " + d + " features");
		final double[][] scaled = minMax ? FeatureScaling.minMax(rows)
			: scales == null ? FeatureScaling.zScore(rows) : FeatureScaling.byScale(rows, scales);
		final int p = pcaComponents < 0 ? (d > DEFAULT_PCA_COMPONENTS ? DEFAULT_PCA_COMPONENTS : 0) : Math.min(pcaComponents, d);
		final PrincipalComponents pca = PrincipalComponents.fit(scaled, Math.max(p, Math.min(2, d)), threads);
		final double[][] projected = pca.project(scaled);
		final double[][] data = p > 0 ? columns(projected, p) : scaled;
		final double[][] embedding = new double[n][2];
		for (int i = 0; i < n; i++) {
			embedding[i][0] = projected[i][0];
			embedding[i][1] = projected[i].length > 1 ? projected[i][1] : 0;
		}
		final List<CountCurve> curves = new ArrayList<>();
		int k = clusters;
		if (k == 0) {
			// Clamp to what the rows allow rather than fail: a tiny test scan still gets a map.
			final int top = Math.min(kMax, n);
			final CountCurve paper = ClusterCount.paper(rows, top, seed, threads);
			final CountCurve silhouette = n >= 3 ? ClusterCount.silhouette(data, Math.min(top, n - 1), seed, threads) : null;
			final CountCurve bic = ClusterCount.bic(data, top, seed, threads);
			curves.add(paper);
			if (silhouette != null) curves.add(silhouette);
			curves.add(bic);
			k = switch (criterion) {
				case PAPER -> paper.chosen();
				case SILHOUETTE -> silhouette != null ? silhouette.chosen() : 2;
				case BIC, BOUNDARIES -> bic.chosen();
			};
		}
		if (clusters == 0 && criterion == Criterion.BOUNDARIES && (pixels == null || pixels.length != n))
			throw new IllegalArgumentException("the 'boundaries' criterion needs the scan pixel of every row");
		if (seams && (pixels == null || pixels.length != n))
			throw new IllegalArgumentException("seam cleanup needs the scan pixel of every row");
		int[] labels = method == Method.KMEANS
			? KMeans.clusters(k).restarts(restarts).seed(seed).threads(threads).fit(data).labels()
			: GaussianMixture.components(k).covariance(ClusterCount.covarianceFor(data[0].length)).restarts(Math.max(1, restarts / 5))
				.seed(seed).threads(threads).fit(data).labels();
		if (clusters == 0 && criterion == Criterion.BOUNDARIES) {
			labels = BoundaryMerge.of(scaled, labels, pixels, nx, ny);
			k = java.util.Arrays.stream(labels).max().orElse(0) + 1;
		}
		if (seams) labels = SeamCleanup.regions(data, labels, pixels, nx, ny);
		return new Result(labels, k, clusters == 0 ? criterion : null, List.copyOf(curves), embedding, data[0].length);
	}

	private static double[][] columns(final double[][] rows, final int p) {
		final double[][] out = new double[rows.length][];
		for (int i = 0; i < rows.length; i++)
			out[i] = java.util.Arrays.copyOf(rows[i], p);
		return out;
	}
}
