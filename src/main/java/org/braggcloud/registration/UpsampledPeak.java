package org.braggcloud.registration;

/**
 * Sub-pixel refinement of a correlation peak by evaluating the correlation surface, the inverse
 * Fourier transform of the cross-power spectrum, directly on fine grids around the integer
 * peak (the matrix-multiply DFT of Guizar-Sicairos et al., Opt. Lett. 33, 156 (2008)).
 *
 * <p>Why not a parabola through three pixels: the peak of a phase correlation is not a
 * parabola, so a 3-point fit is biased towards the nearest integer by up to ~0.1 px. The
 * band-limited surface evaluated at 0.1 px and then 0.01 px spacing has no such bias; a final
 * parabola over the 0.01 px grid, where the peak is locally quadratic, removes the rest.
 */
final class UpsampledPeak {

	/** Grid half-width in steps; each stage covers +-HALF * step. */
	private static final int HALF = 10;
	private static final double[] STEPS = {0.1, 0.01};

	private UpsampledPeak() {
	}

	/** Refined {dy, dx} of the surface maximum near the integer peak (y0, x0). */
	static double[] refine(double[] crossPower, int rows, int cols, double y0, double x0) {
		double cy = y0;
		double cx = x0;
		double[] last = null;
		double step = 0;
		for (double s : STEPS) {
			step = s;
			last = surface(crossPower, rows, cols, cy, cx, s);
			int best = argmax(last);
			cy += (best / (2 * HALF + 1) - HALF) * s;
			cx += (best % (2 * HALF + 1) - HALF) * s;
		}
		int n = 2 * HALF + 1;
		int best = argmax(last);
		int iy = best / n;
		int ix = best % n;
		// Quadratic interpolation between the finest grid points.
		if (iy > 0 && iy < n - 1) {
			cy += step * vertex(last[(iy - 1) * n + ix], last[best], last[(iy + 1) * n + ix]);
		}
		if (ix > 0 && ix < n - 1) {
			cx += step * vertex(last[best - 1], last[best], last[best + 1]);
		}
		return new double[] {cy, cx};
	}

	/** Offset of a parabola's vertex from the middle of three equally spaced samples, in samples. */
	static double vertex(double left, double mid, double right) {
		double curvature = left - 2 * mid + right;
		if (curvature >= 0) {
			return 0;
		}
		double v = 0.5 * (left - right) / curvature;
		return Math.max(-0.5, Math.min(0.5, v));
	}

	private static int argmax(double[] v) {
		int best = 0;
		for (int i = 1; i < v.length; i++) {
			if (v[i] > v[best]) {
				best = i;
			}
		}
		return best;
	}

	/**
	 * Real part of sum_k C(k) exp(2 pi i (ky y / rows + kx x / cols)) on the (2 HALF + 1)^2 grid
	 * centred on (cy, cx) with spacing step; row-major, y outer. Separable: first over kx for
	 * each row of frequencies, then over ky.
	 */
	static double[] surface(double[] c, int rows, int cols, double cy, double cx, double step) {
		int n = 2 * HALF + 1;
		double[][] ex = exponentials(cols, cx, step);
		double[][] ey = exponentials(rows, cy, step);
		// partial[ky][j] = sum_kx C(ky, kx) e^{2 pi i kx x_j / cols}
		double[] pre = new double[rows * n];
		double[] pim = new double[rows * n];
		for (int ky = 0; ky < rows; ky++) {
			int base = 2 * ky * cols;
			for (int j = 0; j < n; j++) {
				double[] cos = ex[2 * j];
				double[] sin = ex[2 * j + 1];
				double re = 0;
				double im = 0;
				for (int kx = 0; kx < cols; kx++) {
					double a = c[base + 2 * kx];
					double b = c[base + 2 * kx + 1];
					re += a * cos[kx] - b * sin[kx];
					im += a * sin[kx] + b * cos[kx];
				}
				pre[ky * n + j] = re;
				pim[ky * n + j] = im;
			}
		}
		double[] out = new double[n * n];
		for (int i = 0; i < n; i++) {
			double[] cos = ey[2 * i];
			double[] sin = ey[2 * i + 1];
			for (int j = 0; j < n; j++) {
				double re = 0;
				for (int ky = 0; ky < rows; ky++) {
					re += pre[ky * n + j] * cos[ky] - pim[ky * n + j] * sin[ky];
				}
				out[i * n + j] = re;
			}
		}
		return out;
	}

	/** For each grid position j: cos and sin of 2 pi k (centre + (j - HALF) step) / n, per frequency k. */
	private static double[][] exponentials(int n, double centre, double step) {
		int m = 2 * HALF + 1;
		double[][] e = new double[2 * m][];
		for (int j = 0; j < m; j++) {
			e[2 * j] = new double[n];
			e[2 * j + 1] = new double[n];
			Spectrum.phases(n, centre + (j - HALF) * step, e[2 * j], e[2 * j + 1]);
		}
		return e;
	}
}
