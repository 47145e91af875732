package org.braggcloud.scan;

/**
 * The raster of scan points: {@code nx} by {@code ny} points, {@code stepUm} micrometres apart,
 * visited in raster order with x fastest, so frame index = y * nx + x.
 */
public record ScanGrid(int nx, int ny, double stepUm) {

	public ScanGrid {
		if (nx <= 0 || ny <= 0) throw new IllegalArgumentException("Scan grid must be positive: " + nx + " x " + ny);
		if (!(stepUm > 0)) throw new IllegalArgumentException("Scan step must be positive: " + stepUm);
		// every per-point map is one Java array, indexed by int
		if ((long) nx * ny > MAX_POINTS)
			throw new IllegalArgumentException("nx x ny = " + nx + " x " + ny + " = " + (long) nx * ny + " scan points; at most " + MAX_POINTS
				+ " fit in one scan (split the scan into regions)");
	}

	/** The most scan points a grid may hold: the largest Java array. */
	public static final int MAX_POINTS = Integer.MAX_VALUE - 8;

	/** Number of scan points, which is the number of frames per rocking angle. */
	public int pointCount() {
		return nx * ny;
	}

	public int frameIndex(final int x, final int y) {
		return y * nx + x;
	}

	public int x(final int frameIndex) {
		return frameIndex % nx;
	}

	public int y(final int frameIndex) {
		return frameIndex / nx;
	}
}
