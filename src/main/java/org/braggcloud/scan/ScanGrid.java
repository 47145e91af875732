package org.braggcloud.scan;

/**
 * The raster of scan points: {@code nx} by {@code ny} points, {@code stepUm} micrometres apart,
 * visited in raster order with x fastest, so frame index = y * nx + x.
 */
public record ScanGrid(int nx, int ny, double stepUm) {

	public ScanGrid {
		if (nx <= 0 || ny <= 0) throw new IllegalArgumentException("Scan grid must be positive: " + nx + " x " + ny);
		if (!(stepUm > 0)) throw new IllegalArgumentException("Scan step must be positive: " + stepUm);
	}

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
