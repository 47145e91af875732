package org.braggcloud.clustering;

/**
 * Feature rows of a scan (or of loose clouds) to domains, by one of two recipes, so the pipeline
 * and Cluster Features run the same one.
 * <ul>
 * <li>{@link Recipe#SCAN}: when the rows' scan pixels are known, a 3 x 3 median of each feature
 * over the scan, features weighted by their noise between neighbouring pixels (measured on the
 * raw rows: the median's plateaus would make it vanish), the count from the boundaries
 * criterion, and seams along the boundaries given back to the domains ({@link SeamCleanup});
 * loose clouds are z-scored and counted by the silhouette.</li>
 * <li>{@link Recipe#PAPER}: the paper's analysis: every feature scaled to [0, 1], no PCA, no
 * smoothing, k-means, the count from the paper's 95 % rule.</li>
 * </ul>
 * A criterion given explicitly overrides the recipe's.
 */
public final class DomainClustering {

	public enum Recipe { SCAN, PAPER }

	private Recipe recipe = Recipe.SCAN;
	private ClusterAnalysis.Criterion criterion;
	private ClusterAnalysis.Method method = ClusterAnalysis.Method.KMEANS;
	private int clusters;
	private int kMax = ClusterAnalysis.DEFAULT_K_MAX;
	private long seed = 1;
	private int threads = 1;
	private int[] pixels;
	private int nx, ny;

	private DomainClustering() {}

	public static DomainClustering builder() {
		return new DomainClustering();
	}

	public DomainClustering recipe(final Recipe r) {
		recipe = r;
		return this;
	}

	/** Null for the recipe's own. */
	public DomainClustering criterion(final ClusterAnalysis.Criterion c) {
		criterion = c;
		return this;
	}

	public DomainClustering method(final ClusterAnalysis.Method m) {
		method = m;
		return this;
	}

	/** 0 chooses the count. */
	public DomainClustering clusters(final int k) {
		clusters = k;
		return this;
	}

	public DomainClustering kMax(final int k) {
		kMax = k;
		return this;
	}

	public DomainClustering seed(final long s) {
		seed = s;
		return this;
	}

	public DomainClustering threads(final int t) {
		threads = t;
		return this;
	}

	/** The scan pixel {@code y * nx + x} of each row; without it the rows are loose clouds. */
	public DomainClustering scanPixels(final int[] rowPixels, final int scanNx, final int scanNy) {
		pixels = rowPixels;
		nx = scanNx;
		ny = scanNy;
		return this;
	}

	/** The criterion an automatic count uses under this recipe. */
	public ClusterAnalysis.Criterion countCriterion() {
		if (criterion != null) return criterion;
		if (recipe == Recipe.PAPER) return ClusterAnalysis.Criterion.PAPER;
		return pixels != null ? ClusterAnalysis.Criterion.BOUNDARIES : ClusterAnalysis.Criterion.SILHOUETTE;
	}

	public ClusterAnalysis.Result run(final double[][] rows) {
		final ClusterAnalysis a = ClusterAnalysis.builder().method(method).clusters(clusters).criterion(countCriterion()).kMax(kMax)
			.seed(seed).threads(threads);
		if (pixels != null) a.scanPixels(pixels, nx, ny);
		if (recipe == Recipe.PAPER) return a.minMaxScaling(true).pcaComponents(0).run(rows);
		if (pixels == null) return a.run(rows);
		return a.featureScales(PixelNoise.of(rows, pixels, nx, ny)).seamCleanup(true).run(SpatialMedian.of(rows, pixels, nx, ny));
	}
}
