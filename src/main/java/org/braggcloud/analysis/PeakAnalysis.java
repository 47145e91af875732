package org.braggcloud.analysis;

import org.braggcloud.correction.DetectorBackground;
import org.braggcloud.correction.HotPixels;

/**
 * Measures one Bragg-peak volume: rocking peak, 3D centroid, widths and the paper's 2D centre of
 * mass at the rocking peak.
 * <p>
 * The background of each detector pixel is subtracted without clipping at zero, so the noise of
 * the background averages out instead of adding a positive bias that would pull centroids toward
 * the volume centre. Centroids are taken inside a box around the peak, 1.5 FWHM either side of its
 * maximum per axis (at least 2 voxels), re-centred once on the first centroid: far-away background
 * noise then cannot move them, and a peak is not truncated by its own box.
 * <p>
 * Not thread-safe: one instance per thread (it keeps work arrays).
 */
public final class PeakAnalysis {

	private final int rows, columns, angles, plane;
	private final float[] background;
	private final int[] hot;
	private final float[] corrected;
	private final double[] rowProfile, columnProfile, angleProfile;

	public PeakAnalysis(final int rows, final int columns, final int angles, final DetectorBackground background, final HotPixels hot) {
		this.rows = rows;
		this.columns = columns;
		this.angles = angles;
		this.plane = rows * columns;
		this.background = background.perPixel();
		this.hot = hot.indices();
		for (final int h : this.hot)
			this.background[h] = 0;
		this.corrected = new float[plane * angles];
		this.rowProfile = new double[rows];
		this.columnProfile = new double[columns];
		this.angleProfile = new double[angles];
	}

	/** Measures a volume whose background is the pattern at level 1. */
	public PeakMeasurement measure(final float[] volume) {
		return measure(volume, 1);
	}

	/**
	 * @param volume angle-major voxels: index = (angle * rows + row) * columns + column
	 * @param level  the scan point's background level (multiplier of the detector pattern)
	 */
	public PeakMeasurement measure(final float[] volume, final double level) {
		java.util.Arrays.fill(rowProfile, 0);
		java.util.Arrays.fill(columnProfile, 0);
		double total = 0;
		for (int a = 0; a < angles; a++) {
			final int base = a * plane;
			double angleSum = 0;
			for (int p = base; p < base + plane; p++)
				corrected[p] = (float) (volume[p] - level * background[p - base]);
			for (final int h : hot)
				corrected[base + h] = 0;
			for (int r = 0; r < rows; r++) {
				double rowSum = 0;
				final int rb = base + r * columns;
				for (int c = 0; c < columns; c++) {
					final float v = corrected[rb + c];
					rowSum += v;
					columnProfile[c] += v;
				}
				rowProfile[r] += rowSum;
				angleSum += rowSum;
			}
			angleProfile[a] = angleSum;
			total += angleSum;
		}
		if (!(total > 0)) return PeakMeasurement.NONE;

		final int peakAngle = argmax(angleProfile);
		final double rockingPeak = peakAngle + parabolaOffset(angleProfile, peakAngle);
		final double fwhmRow = fwhm(rowProfile), fwhmColumn = fwhm(columnProfile), fwhmAngle = fwhm(angleProfile);

		final int[] lo = new int[3], hi = new int[3];
		box(lo, hi, 0, argmax(rowProfile), fwhmRow, rows);
		box(lo, hi, 1, argmax(columnProfile), fwhmColumn, columns);
		box(lo, hi, 2, peakAngle, fwhmAngle, angles);
		double[] c = centroid(lo, hi);
		if (c != null) {
			box(lo, hi, 0, (int) Math.round(c[0]), fwhmRow, rows);
			box(lo, hi, 1, (int) Math.round(c[1]), fwhmColumn, columns);
			box(lo, hi, 2, (int) Math.round(c[2]), fwhmAngle, angles);
			final double[] again = centroid(lo, hi);
			if (again != null) c = again;
		}
		final int frame = Math.max(0, Math.min(angles - 1, (int) Math.round(rockingPeak)));
		lo[2] = frame;
		hi[2] = frame;
		final double[] com = centroid(lo, hi);
		return new PeakMeasurement(total, rockingPeak, c == null ? Double.NaN : c[0], c == null ? Double.NaN : c[1],
			c == null ? Double.NaN : c[2], fwhmRow, fwhmColumn, fwhmAngle, com == null ? Double.NaN : com[0],
			com == null ? Double.NaN : com[1]);
	}

	/** Intensity-weighted centre (row, column, angle) inside the inclusive box; null without mass. */
	private double[] centroid(final int[] lo, final int[] hi) {
		double s = 0, sr = 0, sc = 0, sa = 0;
		for (int a = lo[2]; a <= hi[2]; a++)
			for (int r = lo[0]; r <= hi[0]; r++) {
				final int rb = (a * rows + r) * columns;
				for (int col = lo[1]; col <= hi[1]; col++) {
					final double v = corrected[rb + col];
					s += v;
					sr += v * r;
					sc += v * col;
					sa += v * a;
				}
			}
		return s > 0 ? new double[] { sr / s, sc / s, sa / s } : null;
	}

	private static void box(final int[] lo, final int[] hi, final int axis, final int centre, final double fwhm, final int size) {
		final int half = Double.isNaN(fwhm) ? size : Math.max(2, (int) Math.ceil(1.5 * fwhm));
		lo[axis] = Math.max(0, centre - half);
		hi[axis] = Math.min(size - 1, centre + half);
	}

	static int argmax(final double[] y) {
		int best = 0;
		for (int i = 1; i < y.length; i++)
			if (y[i] > y[best]) best = i;
		return best;
	}

	/** Sub-step position of a maximum from the parabola through it and its two neighbours. */
	static double parabolaOffset(final double[] y, final int i) {
		if (i == 0 || i == y.length - 1) return 0;
		final double denom = y[i - 1] - 2 * y[i] + y[i + 1];
		if (!(denom < 0)) return 0;
		return Math.max(-0.5, Math.min(0.5, 0.5 * (y[i - 1] - y[i + 1]) / denom));
	}

	/** Full width at half maximum, linearly interpolated; NaN when half maximum is not reached on both sides. */
	static double fwhm(final double[] y) {
		final int m = argmax(y);
		final double half = y[m] / 2;
		if (!(half > 0)) return Double.NaN;
		int l = m;
		while (l > 0 && y[l - 1] > half)
			l--;
		int r = m;
		while (r < y.length - 1 && y[r + 1] > half)
			r++;
		if (l == 0 || r == y.length - 1) return Double.NaN;
		final double left = l - 1 + (half - y[l - 1]) / (y[l] - y[l - 1]);
		final double right = r + (y[r] - half) / (y[r] - y[r + 1]);
		return right - left;
	}
}
