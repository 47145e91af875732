package org.braggcloud.registration;

import java.util.Arrays;

import org.jtransforms.fft.DoubleFFT_2D;

/**
 * The Fourier transform of one preprocessed map, computed once so that a map can be compared
 * with several others. Preprocessing: subtract the background (the median of the map's border
 * pixels), apply a {@link TukeyWindow}, zero-pad to {@link FftSize#padded}.
 *
 * <p>Why the border median and not the mean: a particle sits on a flat background. Subtracting
 * the mean leaves that background at minus the mean, a plateau that the window shapes into a
 * fixed pattern common to both maps, which pulls the correlation peak towards zero shift.
 * Subtracting the background leaves only the particle, which moves as a whole. On simulated
 * XRF maps (15 angles, 10 seeds) the worst drift error is 0.07 px this way, 0.39 px with the mean.
 */
final class Spectrum {

	private final int rows;
	private final int cols;
	/** Interleaved complex (re, im), row-major, rows x cols. */
	private final double[] data;
	/** Sum of |F|^2 over all frequencies but zero, i.e. rows*cols times the variance. */
	private final double energy;

	private Spectrum(int rows, int cols, double[] data) {
		this.rows = rows;
		this.cols = cols;
		this.data = data;
		double e = 0;
		for (int i = 2; i < data.length; i++) {
			e += data[i] * data[i];
		}
		this.energy = e;
	}

	/** Transform of map (ny*nx, row-major) with the transform of its padded size. */
	static Spectrum of(float[] map, int nx, int ny, DoubleFFT_2D fft) {
		int rows = FftSize.padded(ny);
		int cols = FftSize.padded(nx);
		double background = borderMedian(map, nx, ny);
		double[] wy = TukeyWindow.axis(ny);
		double[] wx = TukeyWindow.axis(nx);
		double[] a = new double[2 * rows * cols];
		for (int y = 0; y < ny; y++) {
			for (int x = 0; x < nx; x++) {
				a[2 * (y * cols + x)] = (map[y * nx + x] - background) * wy[y] * wx[x];
			}
		}
		fft.complexForward(a);
		return new Spectrum(rows, cols, a);
	}

	/** A transform object sized for maps of nx by ny; reusable for every map of that size. */
	static DoubleFFT_2D transformFor(int nx, int ny) {
		return new DoubleFFT_2D(FftSize.padded(ny), FftSize.padded(nx));
	}

	static double borderMedian(float[] map, int nx, int ny) {
		int n = (nx == 1 || ny == 1) ? nx * ny : 2 * (nx + ny) - 4;
		float[] border = new float[n];
		int k = 0;
		for (int y = 0; y < ny; y++) {
			for (int x = 0; x < nx; x++) {
				if (y == 0 || y == ny - 1 || x == 0 || x == nx - 1) {
					border[k++] = map[y * nx + x];
				}
			}
		}
		Arrays.sort(border, 0, k);
		return k % 2 == 1 ? border[k / 2] : 0.5 * (border[k / 2 - 1] + border[k / 2]);
	}

	/** False for a constant map: nothing but the zero frequency. */
	boolean hasContrast() {
		return energy > 0;
	}

	int rows() {
		return rows;
	}

	int cols() {
		return cols;
	}

	/** Frequency index i of an axis of n samples as a signed integer in [-n/2, n/2). */
	static int signedFrequency(int i, int n) {
		return i < (n + 1) / 2 ? i : i - n;
	}

	/**
	 * Normalised cross-power spectrum: (moving x this*) / |moving x this*|^whitening, times a
	 * Gaussian low-pass of standard deviation {@code cutoff} cycles per pixel, zero at frequency
	 * zero. Its inverse transform peaks at the displacement of {@code moving} relative to this.
	 * whitening 1 is classic phase correlation, 0 plain cross-correlation.
	 */
	double[] crossPower(Spectrum moving, double whitening, double cutoff) {
		double[] m = moving.data;
		double[] c = new double[data.length];
		double[] gy = gaussian(rows, cutoff);
		double[] gx = gaussian(cols, cutoff);
		for (int ky = 0; ky < rows; ky++) {
			for (int kx = 0; kx < cols; kx++) {
				int i = 2 * (ky * cols + kx);
				// moving * conj(reference)
				double re = m[i] * data[i] + m[i + 1] * data[i + 1];
				double im = m[i + 1] * data[i] - m[i] * data[i + 1];
				double mag2 = re * re + im * im;
				double g = mag2 > 0 ? gy[ky] * gx[kx] * Math.pow(mag2, -0.5 * whitening) : 0;
				c[i] = re * g;
				c[i + 1] = im * g;
			}
		}
		c[0] = 0;
		c[1] = 0;
		return c;
	}

	private static double[] gaussian(int n, double cutoff) {
		double[] g = new double[n];
		for (int k = 0; k < n; k++) {
			double f = signedFrequency(k, n) / (double) n;
			g[k] = Double.isInfinite(cutoff) ? 1 : Math.exp(-0.5 * f * f / (cutoff * cutoff));
		}
		return g;
	}

	/**
	 * Normalised cross-correlation (zero frequency excluded, so mean-free) of the two
	 * preprocessed maps with {@code moving} displaced back by (dy, dx); sub-pixel displacements
	 * are evaluated by band-limited (Fourier) interpolation.
	 */
	double correlation(Spectrum moving, double dy, double dx) {
		if (energy <= 0 || moving.energy <= 0) {
			return 0;
		}
		double[] m = moving.data;
		double[] cy = new double[rows];
		double[] sy = new double[rows];
		double[] cx = new double[cols];
		double[] sx = new double[cols];
		phases(rows, dy, cy, sy);
		phases(cols, dx, cx, sx);
		double sum = 0;
		for (int ky = 0; ky < rows; ky++) {
			for (int kx = 0; kx < cols; kx++) {
				int i = 2 * (ky * cols + kx);
				double re = m[i] * data[i] + m[i + 1] * data[i + 1];
				double im = m[i + 1] * data[i] - m[i] * data[i + 1];
				// Re[(re + i im) * e^{i(ay + ax)}]
				double c = cy[ky] * cx[kx] - sy[ky] * sx[kx];
				double s = sy[ky] * cx[kx] + cy[ky] * sx[kx];
				sum += re * c - im * s;
			}
		}
		sum -= data[0] * m[0] + data[1] * m[1];
		return sum / Math.sqrt(energy * moving.energy);
	}

	/** cos and sin of 2 pi k d / n for each signed frequency k of an axis of n samples. */
	static void phases(int n, double d, double[] cos, double[] sin) {
		for (int k = 0; k < n; k++) {
			double a = 2 * Math.PI * signedFrequency(k, n) * d / n;
			cos[k] = Math.cos(a);
			sin[k] = Math.sin(a);
		}
	}
}
