package org.braggcloud.denoise;

import java.util.Arrays;

import org.braggcloud.cloud.IndexBuffer;
import org.braggcloud.cloud.KdTree;
import org.braggcloud.parallel.ParallelLoop;
import org.braggcloud.cloud.PointCloud;
import org.braggcloud.progress.ProgressListener;

/**
 * One pass of the LPA-ICI point-cloud filter on coordinates already normalised to unit density
 * (see {@link LpaIciFilter} for the method and its parameters).
 * <p>
 * First every point gets its PCA frame. Then points are visited in kd-tree order in blocks of
 * spatially close points that share one radius query: its ball covers every window of every point
 * of the block, so the search is paid once per block. For a point, the candidates are moved into
 * its frame (a branch-free loop the JIT vectorises); those inside the slab and the largest square
 * are binned by quadrant and by the smallest scale whose window holds them, first-order moments are
 * summed per bin, and prefix sums over the scales give every window's least-squares system at
 * once: all 20 fits cost O(neighbours) plus 20 3x3 solves. The ICI picks one scale per quadrant
 * and every point inside a chosen window receives its projection onto that window's plane.
 * Estimates are summed per group of blocks and the groups are merged in a fixed order, so threads
 * never share writable memory and the result does not depend on the thread count.
 */
final class LpaIciPass {

	/** Window sizes h_j = 3 * sqrt(2)^j, j = 0..4, in density-normalised units. */
	static final double[] SCALES = {3, 3 * Math.sqrt(2), 6, 6 * Math.sqrt(2), 12};

	/**
	 * A window keeps the points within this many noise standard deviations of the point's PCA plane:
	 * all of the surface's noisy samples, but not another sheet or a perpendicular face seen edge-on.
	 */
	static final double SLAB_SIGMAS = 3;

	/**
	 * Windows whose (u, v) scatter has a smallest variance below this fraction of h^2 (a uniformly
	 * filled square has 1/12) are too close to a line for a plane fit and are skipped.
	 */
	private static final double MIN_SPREAD = 1e-4;

	private static final int S = SCALES.length;
	private static final int MOMENTS = 9;
	/** Moment sums of all (quadrant, scale) bins. */
	private static final int HALF = 4 * S * MOMENTS;
	/** Points per block sharing one radius query. */
	private static final int BLOCK = 32;
	/**
	 * At most this many groups of blocks, the unit of parallel work, each with an accumulator of 4
	 * doubles per point (so 512 bytes per point at most).
	 */
	private static final int MAX_GROUPS = 16;
	/** Frame layout per point: u (3), v (3), n (3), offset of the PCA plane along n. */
	private static final int FRAME = 10;

	/**
	 * Quadrant of a point by the signs of (u, v), indexed {@code 3 (sign u + 1) + (sign v + 1)}.
	 * Quadrants are half-open so that they partition the plane without the origin: 0 = {u > 0,
	 * v >= 0}, 1 = {u <= 0, v > 0}, 2 = {u < 0, v <= 0}, 3 = {u >= 0, v < 0}. 4 marks the origin
	 * (the point itself, or a duplicate of it), which belongs to all four.
	 */
	private static final byte[] QUADRANT = {2, 2, 1, 3, 4, 1, 3, 0, 0};

	private final float[] p;
	private final int n;
	private final double sigma;
	private final double gamma;
	private final int frameK;
	private final KdTree tree;
	private final int[] order;
	private final double halfHeight;
	private final double[] frames;

	private LpaIciPass(final float[] p, final double sigma, final double gamma, final int frameK) {
		this.p = p;
		this.n = p.length / 3;
		this.sigma = sigma;
		this.gamma = gamma;
		this.frameK = Math.min(frameK, n);
		this.tree = KdTree.build(PointCloud.of(p));
		this.order = tree.order();
		this.halfHeight = SLAB_SIGMAS * sigma;
		this.frames = new double[FRAME * n];
	}

	/**
	 * Filters the interleaved positions {@code p} (unit density, noise {@code sigma}) and returns new
	 * positions; a point that received no estimate keeps its place.
	 */
	static float[] run(final float[] p, final double sigma, final double gamma, final int frameK, final int threads,
		final ProgressListener listener, final String stage)
	{
		final int n = p.length / 3;
		if (n < 3)
			return p.clone();
		final LpaIciPass pass = new LpaIciPass(p, sigma, gamma, frameK);
		pass.fitFrames(threads, listener);
		// Blocks are dealt out in a fixed number of groups, each with its own accumulator, summed in
		// group order: the result does not depend on the thread count or on scheduling.
		final int blocks = (n + BLOCK - 1) / BLOCK;
		final int groups = Math.min(MAX_GROUPS, blocks);
		final double[][] acc = new double[groups][];
		final Worker[] ws = new Worker[ParallelLoop.workers(groups, threads, 1)];
		ParallelLoop.run(groups, threads, 1, (w, from, to) -> {
			if (ws[w] == null)
				ws[w] = pass.new Worker();
			final Worker worker = ws[w];
			for (int g = from; g < to; g++) {
				acc[g] = new double[4 * n];
				worker.acc = acc[g];
				final int b1 = (int) ((long) blocks * (g + 1) / groups);
				for (int b = (int) ((long) blocks * g / groups); b < b1; b++) {
					listener.checkCancelled();
					worker.block(b * BLOCK, Math.min(n, (b + 1) * BLOCK));
				}
			}
		}, listener, stage);
		final float[] out = p.clone();
		for (int k = 0; k < n; k++) {
			double sw = 0, sx = 0, sy = 0, sz = 0;
			for (final double[] a : acc) {
				sw += a[4 * k];
				sx += a[4 * k + 1];
				sy += a[4 * k + 2];
				sz += a[4 * k + 3];
			}
			if (sw > 0) {
				out[3 * k] = (float) (p[3 * k] + sx / sw);
				out[3 * k + 1] = (float) (p[3 * k + 1] + sy / sw);
				out[3 * k + 2] = (float) (p[3 * k + 2] + sz / sw);
			}
		}
		return out;
	}

	/** The PCA frame of every point, and the offset of its PCA plane (through the neighbours' centroid). */
	private void fitFrames(final int threads, final ProgressListener listener) {
		final int chunk = 128;
		final int workers = ParallelLoop.workers(n, threads, chunk);
		final LocalFrame[] lf = new LocalFrame[workers];
		final int[][] knn = new int[workers][frameK];
		final double[][] d2 = new double[workers][frameK];
		ParallelLoop.run(n, threads, chunk, (w, from, to) -> {
			if (lf[w] == null)
				lf[w] = new LocalFrame();
			final LocalFrame f = lf[w];
			for (int i = from; i < to; i++) {
				final double px = p[3 * i], py = p[3 * i + 1], pz = p[3 * i + 2];
				final int kk = tree.nearest(px, py, pz, frameK, knn[w], d2[w]);
				f.fit(p, knn[w], kk);
				final int o = FRAME * i;
				System.arraycopy(f.u, 0, frames, o, 3);
				System.arraycopy(f.v, 0, frames, o + 3, 3);
				System.arraycopy(f.n, 0, frames, o + 6, 3);
				frames[o + 9] = (f.centroid[0] - px) * f.n[0] + (f.centroid[1] - py) * f.n[1] +
					(f.centroid[2] - pz) * f.n[2];
			}
		}, listener, null);
	}

	/** Scratch space and estimate accumulator of one thread. */
	private final class Worker {

		/** The current group's accumulator: per point the sum of weights, then the weighted displacement. */
		double[] acc;
		private final IndexBuffer nb = new IndexBuffer(1024);
		// The block's candidates, relative to the block centre, and their local coordinates for one point.
		private float[] cx = new float[1024], cy = new float[1024], cz = new float[1024];
		private float[] tu = new float[1024], tv = new float[1024], tw = new float[1024];
		// Candidates inside the point's largest windows, compacted: index, coordinates, scale, quadrant.
		private int[] id = new int[1024];
		private float[] lu = new float[1024], lv = new float[1024], lw = new float[1024];
		private byte[] bin = new byte[1024], quad = new byte[1024];
		private final double[] mom = new double[2 * HALF];
		private final int[] chosen = new int[5];
		private final double[] beta = new double[4 * 3];
		private final double[] inv = new double[4 * 6];
		private final double[] fit = new double[3 + 6];
		private final double[] dir = new double[4 * 3];
		private final double[] gain = new double[4];

		/** Processes the points at tree positions {@code [from, to)}, which lie close together. */
		void block(final int from, final int to) {
			double mx = 0, my = 0, mz = 0;
			for (int t = from; t < to; t++) {
				final int i = order[t];
				mx += p[3 * i];
				my += p[3 * i + 1];
				mz += p[3 * i + 2];
			}
			mx /= to - from;
			my /= to - from;
			mz /= to - from;
			double reach = 0;
			final double hMax = SCALES[S - 1];
			for (int t = from; t < to; t++) {
				final int i = order[t];
				final double dx = p[3 * i] - mx, dy = p[3 * i + 1] - my, dz = p[3 * i + 2] - mz;
				final double wMax = halfHeight + Math.abs(frames[FRAME * i + 9]);
				reach = Math.max(reach, Math.sqrt(dx * dx + dy * dy + dz * dz) +
					Math.sqrt(2 * hMax * hMax + wMax * wMax));
			}
			final int count = tree.within(mx, my, mz, reach, nb);
			ensureCandidates(count);
			final int[] idx = nb.array();
			for (int k = 0; k < count; k++) {
				final int j = idx[k];
				cx[k] = (float) (p[3 * j] - mx);
				cy[k] = (float) (p[3 * j + 1] - my);
				cz[k] = (float) (p[3 * j + 2] - mz);
			}
			for (int t = from; t < to; t++)
				point(order[t], count, idx, mx, my, mz);
		}

		private void point(final int i, final int count, final int[] idx, final double mx, final double my,
			final double mz)
		{
			final int f = FRAME * i;
			final float ux = (float) frames[f], uy = (float) frames[f + 1], uz = (float) frames[f + 2];
			final float vx = (float) frames[f + 3], vy = (float) frames[f + 4], vz = (float) frames[f + 5];
			final float nx = (float) frames[f + 6], ny = (float) frames[f + 7], nz = (float) frames[f + 8];
			final float px = (float) (p[3 * i] - mx), py = (float) (p[3 * i + 1] - my), pz = (float) (p[3 * i + 2] - mz);
			for (int k = 0; k < count; k++) {
				final float dx = cx[k] - px, dy = cy[k] - py, dz = cz[k] - pz;
				tu[k] = dx * ux + dy * uy + dz * uz;
				tv[k] = dx * vx + dy * vy + dz * vz;
				tw[k] = dx * nx + dy * ny + dz * nz;
			}
			// The slab is centred on the PCA plane, not on the point, so a point's own noise does not
			// shift the part of the surface its windows see.
			final double wc = frames[f + 9];
			final float wLo = (float) (wc - halfHeight), wHi = (float) (wc + halfHeight);
			final float hMax = (float) SCALES[S - 1];
			final float h0 = (float) SCALES[0], h1 = (float) SCALES[1], h2 = (float) SCALES[2], h3 = (float) SCALES[3];
			int inside = 0;
			for (int k = 0; k < count; k++) {
				final float u = tu[k], v = tv[k], w = tw[k];
				final float s = Math.max(Math.abs(u), Math.abs(v));
				// Candidates come in kd-tree order, so inside and outside come in runs: a branch is cheap.
				if (w < wLo || w > wHi || s > hMax)
					continue;
				id[inside] = idx[k];
				lu[inside] = u;
				lv[inside] = v;
				lw[inside] = w;
				bin[inside] = (byte) ((s > h0 ? 1 : 0) + (s > h1 ? 1 : 0) + (s > h2 ? 1 : 0) + (s > h3 ? 1 : 0));
				quad[inside] = QUADRANT[3 * ((u > 0 ? 2 : 1) - (u < 0 ? 1 : 0)) + (v > 0 ? 2 : 1) - (v < 0 ? 1 : 0)];
				inside++;
			}
			Arrays.fill(mom, 0);
			for (int k = 0; k < inside; k++) {
				final double u = lu[k], v = lv[k], w = lw[k];
				final int q = quad[k], b = bin[k];
				// Two interleaved sets of sums (by parity of k) halve the store-to-load chains when
				// consecutive neighbours fall into the same bin.
				final int half = (k & 1) * HALF;
				if (q < 4) {
					add(half + (q * S + b) * MOMENTS, u, v, w);
				}
				else {
					for (int qq = 0; qq < 4; qq++)
						add(half + (qq * S + b) * MOMENTS, u, v, w);
				}
			}
			for (int t = 0; t < HALF; t++)
				mom[t] += mom[HALF + t];
			boolean any = false;
			for (int q = 0; q < 4; q++) {
				for (int b = 1; b < S; b++) {
					final int o = (q * S + b) * MOMENTS;
					for (int t = 0; t < MOMENTS; t++)
						mom[o + t] += mom[o - MOMENTS + t];
				}
				chosen[q] = intersect(q);
				any |= chosen[q] >= 0;
			}
			if (any)
				aggregate(inside, f);
		}

		private void add(final int o, final double u, final double v, final double w) {
			mom[o] += 1;
			mom[o + 1] += u;
			mom[o + 2] += v;
			mom[o + 3] += u * u;
			mom[o + 4] += u * v;
			mom[o + 5] += v * v;
			mom[o + 6] += w;
			mom[o + 7] += u * w;
			mom[o + 8] += v * w;
		}

		/** Runs the ICI over the scales of quadrant {@code q}; returns the chosen scale or -1. */
		private int intersect(final int q) {
			double lo = Double.NEGATIVE_INFINITY, hi = Double.POSITIVE_INFINITY;
			int best = -1;
			for (int b = 0; b < S; b++) {
				if (!fit(q, b, fit))
					continue;
				final double a = fit[0];
				final double sd = sigma * Math.sqrt(fit[3]);
				lo = Math.max(lo, a - gamma * sd);
				hi = Math.min(hi, a + gamma * sd);
				if (lo > hi)
					break;
				best = b;
				System.arraycopy(fit, 0, beta, 3 * q, 3);
				System.arraycopy(fit, 3, inv, 6 * q, 6);
			}
			return best;
		}

		/**
		 * Least-squares plane w = a + b u + c v of window (q, scale); writes a, b, c and the inverse
		 * normal matrix (00, 01, 02, 11, 12, 22) into {@code out}. False if the window is too small
		 * or degenerate.
		 */
		private boolean fit(final int q, final int scale, final double[] out) {
			final int o = (q * S + scale) * MOMENTS;
			final double A = mom[o];
			if (A < 3)
				return false;
			final double B = mom[o + 1], C = mom[o + 2], D = mom[o + 3], E = mom[o + 4], F = mom[o + 5];
			final double mu = B / A, mv = C / A;
			final double cuu = D / A - mu * mu, cvv = F / A - mv * mv, cuv = E / A - mu * mv;
			final double half = 0.5 * (cuu - cvv);
			final double minSpread = 0.5 * (cuu + cvv) - Math.sqrt(half * half + cuv * cuv);
			final double h = SCALES[scale];
			if (!(minSpread > MIN_SPREAD * h * h))
				return false;
			final double c00 = D * F - E * E;
			final double c01 = C * E - B * F;
			final double c02 = B * E - C * D;
			final double c11 = A * F - C * C;
			final double c12 = B * C - A * E;
			final double c22 = A * D - B * B;
			final double det = A * c00 + B * c01 + C * c02;
			if (!(det > 0))
				return false;
			final double i00 = c00 / det, i01 = c01 / det, i02 = c02 / det;
			final double i11 = c11 / det, i12 = c12 / det, i22 = c22 / det;
			final double rw = mom[o + 6], ruw = mom[o + 7], rvw = mom[o + 8];
			out[0] = i00 * rw + i01 * ruw + i02 * rvw;
			out[1] = i01 * rw + i11 * ruw + i12 * rvw;
			out[2] = i02 * rw + i12 * ruw + i22 * rvw;
			out[3] = i00;
			out[4] = i01;
			out[5] = i02;
			out[6] = i11;
			out[7] = i12;
			out[8] = i22;
			return i00 > 0;
		}

		/**
		 * Gives every point of every chosen window its orthogonal projection onto the window's plane.
		 * Only the displacement is accumulated: the projection of a point at local (u, v, w) onto
		 * w = a + b u + c v moves it by r (b u_axis + c v_axis - n) with r = (w - a - b u - c v) / g,
		 * g = 1 + b^2 + c^2, and its variance is sigma^2 x^T (X^T X)^-1 x / g.
		 */
		private void aggregate(final int inside, final int f) {
			for (int q = 0; q < 4; q++) {
				if (chosen[q] < 0) {
					// Harmless values: the estimates of an unchosen quadrant get weight 0.
					Arrays.fill(beta, 3 * q, 3 * q + 3, 0);
					Arrays.fill(inv, 6 * q, 6 * q + 6, 0);
					inv[6 * q] = 1;
					Arrays.fill(dir, 3 * q, 3 * q + 3, 0);
					gain[q] = 0;
					continue;
				}
				final double b = beta[3 * q + 1], c = beta[3 * q + 2];
				final double g = 1 + b * b + c * c;
				for (int d = 0; d < 3; d++)
					dir[3 * q + d] = (b * frames[f + d] + c * frames[f + 3 + d] - frames[f + 6 + d]) / g;
				gain[q] = g;
			}
			for (int k = 0; k < inside; k++) {
				final int q = quad[k];
				if (q < 4) {
					estimate(k, q);
				}
				else {
					for (int qq = 0; qq < 4; qq++)
						estimate(k, qq);
				}
			}
		}

		/** Adds the estimate of window quadrant {@code q} for compacted neighbour {@code k}, if in its window. */
		private void estimate(final int k, final int q) {
			final double u = lu[k], v = lv[k], w = lw[k];
			final int o = 6 * q;
			final double var = inv[o] + u * (2 * inv[o + 1] + inv[o + 3] * u + 2 * inv[o + 4] * v) +
				v * (2 * inv[o + 2] + inv[o + 5] * v);
			// Branch-free window test: weight 0 outside the chosen scale.
			final double weight = chosen[q] >= bin[k] && var > 0 ? gain[q] / var : 0;
			final double wr = weight * (w - beta[3 * q] - beta[3 * q + 1] * u - beta[3 * q + 2] * v);
			final int a4 = 4 * id[k];
			acc[a4] += weight;
			acc[a4 + 1] += wr * dir[3 * q];
			acc[a4 + 2] += wr * dir[3 * q + 1];
			acc[a4 + 3] += wr * dir[3 * q + 2];
		}

		private void ensureCandidates(final int count) {
			if (cx.length >= count)
				return;
			final int size = Math.max(count, 2 * cx.length);
			cx = new float[size];
			cy = new float[size];
			cz = new float[size];
			tu = new float[size];
			tv = new float[size];
			tw = new float[size];
			id = new int[size];
			lu = new float[size];
			lv = new float[size];
			lw = new float[size];
			bin = new byte[size];
			quad = new byte[size];
		}
	}
}
