package org.braggcloud.analysis;

import java.io.IOException;

import org.braggcloud.correction.DetectorBackground;
import org.braggcloud.correction.HotPixels;
import org.braggcloud.progress.ProgressListener;
import org.braggcloud.scan.RockingScan;

/**
 * What each cluster's peaks look like on average, straight from the raw frames: its mean rocking
 * curve (background-subtracted counts per angle, summed over the detector) and its mean detector
 * pattern at the angle where that curve peaks. These let a user check a cluster against the data
 * rather than against the features alone. One pass over the clustered pixels' volumes.
 */
public final class ClusterProfiles {

	private final double[][] rockingCurves;
	private final float[][] patterns;
	private final int[] peakAngles;
	private final int rows;
	private final int columns;

	private ClusterProfiles(final double[][] rockingCurves, final float[][] patterns, final int[] peakAngles,
		final int rows, final int columns)
	{
		this.rockingCurves = rockingCurves;
		this.patterns = patterns;
		this.peakAngles = peakAngles;
		this.rows = rows;
		this.columns = columns;
	}

	/**
	 * @param labels per scan point (ny x nx): 0 outside the mask, 1..k for the clusters
	 */
	public static ClusterProfiles compute(final RockingScan scan, final HotPixels hot, final DetectorBackground background,
		final int[] labels, final int k, final ProgressListener progress) throws IOException
	{
		final int plane = scan.rows() * scan.columns();
		final int angles = scan.angleCount();
		final double[][] sums = new double[k][plane * angles];
		final int[] counts = new int[k];
		final double[] levels = new double[k];
		final float[] volume = new float[scan.voxelsPerPixel()];
		final int nx = scan.grid().nx();
		for (int p = 0; p < labels.length; p++) {
			if (labels[p] == 0) continue;
			progress.checkCancelled();
			scan.readVolume(p % nx, p / nx, volume);
			final double[] sum = sums[labels[p] - 1];
			for (int v = 0; v < volume.length; v++) sum[v] += volume[v];
			counts[labels[p] - 1]++;
			levels[labels[p] - 1] += background.level(p);
			if (p % 64 == 0) progress.progress("Cluster profiles", p, labels.length);
		}
		final double[][] curves = new double[k][angles];
		final float[][] patterns = new float[k][plane];
		final int[] peaks = new int[k];
		for (int c = 0; c < k; c++) {
			if (counts[c] == 0) continue;
			final double level = levels[c] / counts[c];
			for (int a = 0; a < angles; a++) {
				double s = 0;
				for (int i = 0; i < plane; i++) {
					if (hot.isHot(i)) continue;
					s += sums[c][a * plane + i] / counts[c] - level * background.at(i);
				}
				curves[c][a] = s;
				if (s > curves[c][peaks[c]]) peaks[c] = a;
			}
			for (int i = 0; i < plane; i++)
				patterns[c][i] = hot.isHot(i) ? 0 : (float) (sums[c][peaks[c] * plane + i] / counts[c] - level * background.at(i));
		}
		progress.progress("Cluster profiles", labels.length, labels.length);
		return new ClusterProfiles(curves, patterns, peaks, scan.rows(), scan.columns());
	}

	/** Mean background-subtracted counts per angle of cluster {@code c} (1-based). */
	public double[] rockingCurve(final int c) {
		return rockingCurves[c - 1].clone();
	}

	/** Mean detector pattern of cluster {@code c} at its peak angle, rows x columns row-major. */
	public float[] pattern(final int c) {
		return patterns[c - 1].clone();
	}

	/** Angle index where cluster {@code c}'s mean rocking curve peaks. */
	public int peakAngle(final int c) {
		return peakAngles[c - 1];
	}

	public int clusters() {
		return rockingCurves.length;
	}

	public int rows() {
		return rows;
	}

	public int columns() {
		return columns;
	}
}
