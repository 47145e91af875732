package org.braggcloud.cloud;

import org.braggcloud.cloud.PointCloud;

/**
 * The point cloud of one scan pixel.
 *
 * @param x     0-based scan column
 * @param y     0-based scan row
 * @param cloud its points
 */
public record PixelCloud(int x, int y, PointCloud cloud) implements java.io.Serializable {

	/**
	 * The paper's file stem for a pixel: {@code pixel_RRR_CCC} with 1-based scan row and column,
	 * zero-padded to three digits, or more when the scan is larger.
	 */
	public static String name(final int x, final int y, final int nx, final int ny) {
		final int digits = Math.max(3, Integer.toString(Math.max(nx, ny)).length());
		return String.format("pixel_%0" + digits + "d_%0" + digits + "d", y + 1, x + 1);
	}
}
