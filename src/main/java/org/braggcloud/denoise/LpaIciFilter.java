package org.braggcloud.denoise;

import org.braggcloud.cloud.PointCloud;
import org.braggcloud.progress.ProgressListener;

/**
 * Anisotropic point-cloud denoising by local polynomial approximation with intersection of
 * confidence intervals (LPA-ICI) and aggregation, a clean-room implementation from the description
 * of Z. Xu and A. Foi, "Anisotropic Denoising of 3D Point Clouds by Aggregation of Multiple
 * Surface-Adaptive Estimates", IEEE Transactions on Visualization and Computer Graphics 27(6),
 * 2851-2868, 2021. The Bragg Cloud paper ran it twice (sigma 5, density 2; then sigma 5, density
 * 0.2) on its diffraction-peak clouds.
 * <p>
 * The filter assumes a noisy sample of a surface and moves points towards it; it never deletes
 * points, keeps their order and values, and its result does not depend on the thread count. Our
 * choices where the description leaves room:
 * <ul>
 * <li><b>Units.</b> Coordinates are multiplied by sqrt(density), which makes the density 1 point
 * per unit area, and sigma with them; window sizes below are in these units.
 * <li><b>Frame.</b> Per point, PCA of its {@value #DEFAULT_FRAME_NEIGHBOURS} nearest neighbours
 * (itself included): normal n = axis of least spread, tangent u = axis of most spread, v = n x u.
 * The point is the origin; (u, v, w) are a neighbour's coordinates in this frame; w_c is the
 * offset of the PCA plane (through the neighbours' centroid) along n.
 * <li><b>Windows.</b> Four directional windows per scale, one per quadrant of the (u, v) plane: a
 * square of side h with the point at one corner, e.g. {@code 0 < u <= h, 0 <= v <= h}. The
 * quadrants are half-open so that they split the plane (first {u > 0, v >= 0}, then rotated by 90
 * degrees); the point itself, and any duplicate of it, belongs to all four. Along the normal a
 * window keeps {@code |w - w_c| <= 3 sigma}: every noisy sample of the local surface, but not a
 * face seen edge-on across an edge, nor another sheet. (Without this slab, windows at a cube edge
 * take in the perpendicular face and the fitted planes tilt; the cube test's error then grew
 * instead of shrinking.) Scales {@code h_j = 3 sqrt(2)^j}, j = 0..4; windows are nested.
 * <li><b>LPA.</b> Uniformly weighted least-squares plane {@code w = a + b u + c v} per window; a is
 * the surface offset estimated at the point, with standard deviation
 * {@code sigma_j = sigma sqrt((X^T X)^-1_00)}. Windows with fewer than 3 points, or whose points
 * lie near a line (smallest (u, v) variance below 1e-4 h^2), are skipped.
 * <li><b>ICI.</b> Running intersection of {@code [a_j - Gamma sigma_j, a_j + Gamma sigma_j]} over
 * increasing j; each quadrant takes the largest j reached before the intersection becomes empty
 * (skipped windows neither narrow it nor can be chosen). Default Gamma {@value #DEFAULT_GAMMA},
 * the value of the paper; on our test shapes Gamma between 1 and 2 changes the error by under 10 %.
 * <li><b>Aggregation.</b> Every point inside a chosen window of any point receives an estimate: its
 * orthogonal projection onto that window's plane, weighted by the inverse of the projection's
 * variance, {@code (1 + b^2 + c^2) / (x^T (X^T X)^-1 x)} with x = (1, u, v) (the common sigma^2
 * cancels). Its new position is the weighted mean of all its estimates, those of its own windows
 * included; a point with no estimate stays where it is.
 * <li><b>Passes.</b> {@value #DEFAULT_PASSES} passes; the second runs on the first's output and
 * re-estimates everything from it (frames, windows, fits), with the same sigma.
 * </ul>
 * Cost: per point and pass, one nearest-neighbour query for the frame and work proportional to the
 * number of points in its largest windows; on a solid blob with a large sigma (the paper's
 * setting) that is hundreds of points.
 */
public final class LpaIciFilter {

	public static final double DEFAULT_GAMMA = 2.0;
	public static final int DEFAULT_PASSES = 2;
	public static final int DEFAULT_FRAME_NEIGHBOURS = 50;

	private final double sigma;
	private final double density;
	private final double gamma;
	private final int passes;
	private final int frameNeighbours;

	private LpaIciFilter(final Builder b) {
		this.sigma = b.sigma;
		this.density = b.density;
		this.gamma = b.gamma;
		this.passes = b.passes;
		this.frameNeighbours = b.frameNeighbours;
	}

	/**
	 * The filter with default settings.
	 *
	 * @param sigma noise standard deviation in coordinate units, > 0
	 * @param density points per unit of surface area in coordinate units, > 0
	 */
	public static LpaIciFilter of(final double sigma, final double density) {
		return builder().sigma(sigma).density(density).build();
	}

	public static Builder builder() {
		return new Builder();
	}

	/** Estimates sigma and density from the cloud itself; see {@link NoiseEstimator}. */
	public static NoiseEstimate estimate(final PointCloud cloud) {
		return estimate(cloud, 1);
	}

	/** As {@link #estimate(PointCloud)}, on {@code threads} threads. */
	public static NoiseEstimate estimate(final PointCloud cloud, final int threads) {
		return NoiseEstimator.estimate(cloud, threads);
	}

	public double sigma() {
		return sigma;
	}

	public double density() {
		return density;
	}

	public double gamma() {
		return gamma;
	}

	public int passes() {
		return passes;
	}

	public int frameNeighbours() {
		return frameNeighbours;
	}

	/** Filters without progress reports. */
	public PointCloud apply(final PointCloud cloud, final int threads) {
		return apply(cloud, threads, ProgressListener.NONE);
	}

	/**
	 * Returns the filtered cloud: same points, same order, same values, new positions. Clouds of
	 * fewer than 3 points are returned as they are.
	 *
	 * @throws java.util.concurrent.CancellationException if the listener cancels
	 */
	public PointCloud apply(final PointCloud cloud, final int threads, final ProgressListener listener) {
		if (threads < 1)
			throw new IllegalArgumentException("threads must be >= 1, got " + threads);
		if (cloud.size() < 3)
			return cloud;
		// Centre before scaling so that float coordinates keep their precision far from the origin.
		final double[] c = cloud.centroid();
		final double scale = Math.sqrt(density);
		final float[] p = cloud.positions();
		for (int i = 0; i < p.length; i++)
			p[i] = (float) ((p[i] - c[i % 3]) * scale);
		float[] q = p;
		for (int pass = 1; pass <= passes; pass++) {
			listener.checkCancelled();
			q = LpaIciPass.run(q, sigma * scale, gamma, frameNeighbours, threads, listener,
				"LPA-ICI pass " + pass + "/" + passes + " (sigma " + sigma + ", density " + density + ")");
		}
		for (int i = 0; i < q.length; i++)
			q[i] = (float) (q[i] / scale + c[i % 3]);
		return cloud.withPositions(q);
	}

	@Override
	public String toString() {
		return "LPA-ICI(sigma " + sigma + ", density " + density + ", gamma " + gamma + ", " + passes + " passes)";
	}

	/** Settings of an {@link LpaIciFilter}; sigma and density have no default. */
	public static final class Builder {

		private double sigma = Double.NaN;
		private double density = Double.NaN;
		private double gamma = DEFAULT_GAMMA;
		private int passes = DEFAULT_PASSES;
		private int frameNeighbours = DEFAULT_FRAME_NEIGHBOURS;

		private Builder() {
		}

		/** Noise standard deviation in coordinate units; must be finite and > 0. */
		public Builder sigma(final double value) {
			sigma = value;
			return this;
		}

		/** Points per unit of surface area in coordinate units; must be finite and > 0. */
		public Builder density(final double value) {
			density = value;
			return this;
		}

		/** ICI threshold Gamma; must be finite and > 0. */
		public Builder gamma(final double value) {
			gamma = value;
			return this;
		}

		/** Number of passes, each on the previous one's output; must be >= 1. */
		public Builder passes(final int value) {
			passes = value;
			return this;
		}

		/** Neighbours for the PCA frame; must be >= 3. */
		public Builder frameNeighbours(final int value) {
			frameNeighbours = value;
			return this;
		}

		public LpaIciFilter build() {
			positive("sigma", sigma);
			positive("density", density);
			positive("gamma", gamma);
			if (passes < 1)
				throw new IllegalArgumentException("passes must be >= 1, got " + passes);
			if (frameNeighbours < 3)
				throw new IllegalArgumentException("frame neighbours must be >= 3, got " + frameNeighbours);
			return new LpaIciFilter(this);
		}

		private static void positive(final String name, final double value) {
			if (!(value > 0) || !Double.isFinite(value))
				throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
		}
	}
}
