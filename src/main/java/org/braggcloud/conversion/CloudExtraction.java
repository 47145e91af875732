package org.braggcloud.conversion;

import org.braggcloud.cloud.PointCloud;
import org.braggcloud.correction.HotPixels;

/**
 * Turns one Bragg-peak volume into a point cloud: every voxel whose count is above the threshold
 * becomes one point, with its count as the point's value. Hot detector pixels never become
 * points. The paper's intensity clip, when set, caps the values (not the choice of points).
 * <p>
 * Not thread-safe: one instance per thread (it reuses a work array).
 */
public final class CloudExtraction {

	private final int rows, columns, angles;
	private final double clip;
	private final boolean[] hot;
	private final CloudCoordinates coordinates;
	private float[] xyz = new float[3 * 1024];
	private float[] values = new float[1024];

	/**
	 * @param clip upper level for the values, or {@code Double.POSITIVE_INFINITY} for none
	 */
	public CloudExtraction(final int rows, final int columns, final int angles, final double clip,
		final HotPixels hotPixels, final CloudCoordinates coordinates)
	{
		this.rows = rows;
		this.columns = columns;
		this.angles = angles;
		this.clip = clip;
		this.hot = new boolean[rows * columns];
		for (final int p : hotPixels.indices())
			hot[p] = true;
		this.coordinates = coordinates;
	}

	/**
	 * @param volume    angle-major voxels: index = (angle * rows + row) * columns + column
	 * @param threshold counts a voxel must exceed to become a point
	 */
	public PointCloud extract(final float[] volume, final double threshold) {
		int n = 0;
		final int plane = rows * columns;
		for (int a = 0; a < angles; a++)
			for (int p = 0; p < plane; p++) {
				final float v = volume[a * plane + p];
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
