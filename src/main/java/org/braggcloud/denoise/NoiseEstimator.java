package org.braggcloud.denoise;

import java.util.Arrays;

import org.braggcloud.cloud.KdTree;
import org.braggcloud.parallel.ParallelLoop;
import org.braggcloud.cloud.PointCloud;

/**
 * Estimates the noise level and the sampling density of a sampled surface, so that LPA-ICI can
 * run without user parameters (after the estimator Xu and Foi give with their filter).
 * <p>
 * For every point, a PCA frame of its {@value #NEIGHBOURS} nearest neighbours (itself included):
 * <ul>
 * <li>Noise: take the neighbour closest to the point <em>in the tangent plane</em> (not in 3D:
 * choosing by 3D distance would favour neighbours with a similar normal offset and bias the
 * estimate low) and its offset along the normal relative to the point. That offset is the
 * difference of two independent noise samples, standard deviation sigma * sqrt(2); so
 * {@code sigma = median|offset| / (0.6745 * sqrt(2))}, 0.6745 being the median of |N(0,1)|.
 * <li>Density: K points spread uniformly over a disc of radius r have tangent variance
 * {@code lambda_u + lambda_v = r^2 / 2} (the two largest covariance eigenvalues), and density
 * {@code K / (pi r^2)}; so {@code density = K / (2 pi (lambda_u + lambda_v))}.
 * </ul>
 * Both are medians over all points, so boundaries and sparse outliers do not move them.
 */
final class NoiseEstimator {

	static final int NEIGHBOURS = 50;

	/** The median of |X| for X standard normal. */
	private static final double MAD_NORMAL = 0.6745;

	private NoiseEstimator() {
	}

	static NoiseEstimate estimate(final PointCloud cloud, final int threads) {
		final int n = cloud.size();
		if (n < 4)
			throw new IllegalArgumentException("noise estimation needs at least 4 points, got " + n);
		final int k = Math.min(NEIGHBOURS, n);
		final float[] p = cloud.positions();
		final KdTree tree = KdTree.build(cloud);
		final double[] offsets = new double[n];
		final double[] densities = new double[n];
		final int chunk = 256;
		final int workers = ParallelLoop.workers(n, threads, chunk);
		final LocalFrame[] frames = new LocalFrame[workers];
		final int[][] idx = new int[workers][k];
		final double[][] d2 = new double[workers][k];
		ParallelLoop.run(n, threads, chunk, (w, from, to) -> {
			if (frames[w] == null)
				frames[w] = new LocalFrame();
			final LocalFrame f = frames[w];
			final int[] nb = idx[w];
			for (int i = from; i < to; i++) {
				final double px = p[3 * i], py = p[3 * i + 1], pz = p[3 * i + 2];
				tree.nearest(px, py, pz, k, nb, d2[w]);
				f.fit(p, nb, k);
				double bestT2 = Double.POSITIVE_INFINITY, offset = Double.NaN;
				for (int m = 0; m < k; m++) {
					final int j = nb[m];
					if (j == i)
						continue;
					final double dx = p[3 * j] - px, dy = p[3 * j + 1] - py, dz = p[3 * j + 2] - pz;
					final double du = dx * f.u[0] + dy * f.u[1] + dz * f.u[2];
					final double dv = dx * f.v[0] + dy * f.v[1] + dz * f.v[2];
					final double t2 = du * du + dv * dv;
					if (t2 < bestT2) {
						bestT2 = t2;
						offset = Math.abs(dx * f.n[0] + dy * f.n[1] + dz * f.n[2]);
					}
				}
				offsets[i] = offset;
				final double spread = f.values[1] + f.values[2];
				densities[i] = spread > 0 ? k / (2 * Math.PI * spread) : Double.NaN;
			}
		});
		return new NoiseEstimate(median(offsets) / (MAD_NORMAL * Math.sqrt(2)), median(densities));
	}

	/** Median of the finite entries; NaN if there are none. */
	static double median(final double[] values) {
		final double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
		if (v.length == 0)
			return Double.NaN;
		final int h = v.length / 2;
		return v.length % 2 == 1 ? v[h] : 0.5 * (v[h - 1] + v[h]);
	}
}
