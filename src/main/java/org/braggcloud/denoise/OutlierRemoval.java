package org.braggcloud.denoise;

import org.braggcloud.cloud.KdTree;
import org.braggcloud.parallel.ParallelLoop;
import org.braggcloud.cloud.PointCloud;
import org.braggcloud.progress.ProgressListener;

/**
 * Statistical outlier removal with the semantics of MATLAB's {@code pcdenoise} (after Rusu et al.
 * 2008), as the Bragg Cloud paper ran it before and after LPA-ICI (k = 100, alpha = 0.8).
 * <p>
 * For every point, d = the mean Euclidean distance (not squared) to its k nearest neighbours, the
 * point itself not counted (other points at the same position count, at distance 0). With m and
 * s the mean and the <em>sample</em> standard deviation (divisor N - 1, as MATLAB's {@code std}) of
 * d over the cloud, the points with {@code d <= m + alpha * s} are kept. A cloud of at most k
 * points uses k = size - 1. Points keep their order and values.
 */
public final class OutlierRemoval {

	public static final int PAPER_K = 100;
	public static final double PAPER_ALPHA = 0.8;

	private static final int CHUNK = 256;

	private final int k;
	private final double alpha;

	private OutlierRemoval(final int k, final double alpha) {
		this.k = k;
		this.alpha = alpha;
	}

	/**
	 * @param k neighbours per point, >= 1
	 * @param alpha threshold in standard deviations above the mean, finite and >= 0
	 */
	public static OutlierRemoval of(final int k, final double alpha) {
		if (k < 1)
			throw new IllegalArgumentException("k (neighbours) must be >= 1, got " + k);
		if (!(alpha >= 0) || !Double.isFinite(alpha))
			throw new IllegalArgumentException("alpha must be finite and >= 0, got " + alpha);
		return new OutlierRemoval(k, alpha);
	}

	/** The paper's setting: k = 100, alpha = 0.8. */
	public static OutlierRemoval paper() {
		return of(PAPER_K, PAPER_ALPHA);
	}

	public int k() {
		return k;
	}

	public double alpha() {
		return alpha;
	}

	/** The kept points. */
	public PointCloud apply(final PointCloud cloud, final int threads) {
		return run(cloud, threads, ProgressListener.NONE).kept();
	}

	/** The kept points, reporting progress. */
	public PointCloud apply(final PointCloud cloud, final int threads, final ProgressListener listener) {
		return run(cloud, threads, listener).kept();
	}

	/**
	 * Runs the filter and returns the kept points with the statistics behind the decision.
	 *
	 * @throws java.util.concurrent.CancellationException if the listener cancels
	 */
	public OutlierResult run(final PointCloud cloud, final int threads, final ProgressListener listener) {
		if (threads < 1)
			throw new IllegalArgumentException("threads must be >= 1, got " + threads);
		final int n = cloud.size();
		final int kk = Math.min(k, n - 1);
		if (kk < 1) {
			final int[] all = new int[n];
			for (int i = 0; i < n; i++)
				all[i] = i;
			return new OutlierResult(cloud, all, new double[n], 0, 0, 0);
		}
		final KdTree tree = KdTree.build(cloud);
		final float[] p = cloud.positions();
		final double[] meanDist = new double[n];
		final int workers = ParallelLoop.workers(n, threads, CHUNK);
		final int[][] idx = new int[workers][kk + 1];
		final double[][] d2 = new double[workers][kk + 1];
		ParallelLoop.run(n, threads, CHUNK, (w, from, to) -> {
			final int[] bi = idx[w];
			final double[] bd = d2[w];
			for (int i = from; i < to; i++) {
				tree.nearest(p[3 * i], p[3 * i + 1], p[3 * i + 2], kk + 1, bi, bd);
				// Skip the point itself; if duplicates at distance 0 pushed it out, skip the last.
				double sum = 0;
				int used = 0;
				for (int j = 0; j <= kk && used < kk; j++) {
					if (bi[j] == i)
						continue;
					sum += Math.sqrt(bd[j]);
					used++;
				}
				meanDist[i] = sum / kk;
			}
		}, listener, "Outlier removal");
		double m = 0;
		for (final double d : meanDist)
			m += d;
		m /= n;
		double ss = 0;
		for (final double d : meanDist)
			ss += (d - m) * (d - m);
		final double s = Math.sqrt(ss / (n - 1));
		final double threshold = m + alpha * s;
		int kept = 0;
		for (final double d : meanDist) {
			if (d <= threshold)
				kept++;
		}
		final int[] keep = new int[kept];
		kept = 0;
		for (int i = 0; i < n; i++) {
			if (meanDist[i] <= threshold)
				keep[kept++] = i;
		}
		return new OutlierResult(cloud.subset(keep), keep, meanDist, m, s, threshold);
	}

	@Override
	public String toString() {
		return "outliers(k " + k + ", alpha " + alpha + ")";
	}
}
