package org.braggcloud.conversion;

import org.braggcloud.cloud.PointCloud;
import org.braggcloud.correction.HotPixels;
import org.braggcloud.correction.PeakSignificance;

/**
 * Turns one Bragg-peak volume into a point cloud, by one of two rules:
 * <ul>
 * <li>{@link #extract} (a threshold in counts, the paper's rule): every voxel whose count is above
 * the threshold becomes one point, with its count as the point's value;</li>
 * <li>{@link #extractSignificant} (the automatic rule): every voxel whose 5 x 5 x 3 box beats its
 * background with the chance of one false box per volume ({@link PeakSignificance}) becomes a
 * point, with its own counts minus background as its value. A weak peak, only a few counts above
 * a background of one count per voxel, then still gives its whole core and not the few voxels
 * that single-voxel noise lifts over a threshold.</li>
 * </ul>
 * Hot detector pixels never become points. The paper's intensity clip, when set, caps the values
 * (not the choice of points).
 * <p>
 * Not thread-safe: one instance per thread (it reuses work arrays).
 */
public final class CloudExtraction {

	private final int rows, columns, angles;
	private final double clip;
	private final boolean[] hot;
	private final CloudCoordinates coordinates;
	private final PeakSignificance significance;
	private float[] net;
	private float[] xyz = new float[3 * 1024];
	private float[] values = new float[1024];

	/**
	 * @param clip         upper level for the values, or {@code Double.POSITIVE_INFINITY} for none
	 * @param significance the background model of {@link #extractSignificant}, or null when only
	 *                     {@link #extract} is used
	 */
	public CloudExtraction(final int rows, final int columns, final int angles, final double clip,
		final HotPixels hotPixels, final CloudCoordinates coordinates, final PeakSignificance significance)
	{
		this.rows = rows;
		this.columns = columns;
		this.angles = angles;
		this.clip = clip;
		this.hot = new boolean[rows * columns];
		for (final int p : hotPixels.indices())
			hot[p] = true;
		this.coordinates = coordinates;
		this.significance = significance;
	}

	/**
	 * @param volume    angle-major voxels: index = (angle * rows + row) * columns + column
	 * @param threshold counts a voxel must exceed to become a point
	 */
	public PointCloud extract(final float[] volume, final double threshold) {
		return collect(volume, threshold);
	}

	/**
	 * @param volume angle-major voxels
	 * @param level  the scan point's background level (multiplier of the detector pattern)
	 */
	public PointCloud extractSignificant(final float[] volume, final double level) {
		if (significance == null) throw new IllegalStateException("no background model was given for significant boxes");
		if (net == null) net = new float[volume.length];
		significance.significantBoxes(volume, level, net);
		return collect(net, 0);
	}

	private PointCloud collect(final float[] source, final double threshold) {
		int n = 0;
		final int plane = rows * columns;
		for (int a = 0; a < angles; a++)
			for (int p = 0; p < plane; p++) {
				final float v = source[a * plane + p];
				if (!(v > threshold) || hot[p]) continue;
				if (n == values.length) grow();
				coordinates.map(p / columns, p % columns, a, xyz, 3 * n);
				values[n++] = (float) Math.min(v, clip);
			}
		return PointCloud.of(java.util.Arrays.copyOf(xyz, 3 * n), java.util.Arrays.copyOf(values, n));
	}

	private void grow() {
		xyz = java.util.Arrays.copyOf(xyz, xyz.length * 2);
		values = java.util.Arrays.copyOf(values, values.length * 2);
	}
}
