package org.braggcloud.scan;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;

/**
 * A run of consecutive scan points (frame indices {@code first .. first + size - 1}) with the
 * Bragg-peak volume of each, as delivered by {@link VolumeStream}.
 * <p>
 * The arrays are reused for later blocks: use them inside the callback only.
 */
public final class VolumeBlock {

	private final ScanGrid grid;
	private final int rows, columns, angles;
	private final float[][] volumes;
	private int first, size;

	VolumeBlock(final ScanGrid grid, final int rows, final int columns, final int angles, final int capacity) {
		this.grid = grid;
		this.rows = rows;
		this.columns = columns;
		this.angles = angles;
		this.volumes = new float[capacity][rows * columns * angles];
	}

	void set(final int first, final int size) {
		this.first = first;
		this.size = size;
	}

	float[][] buffers() {
		return volumes;
	}

	/** Frame index of the first scan point in this block. */
	public int first() {
		return first;
	}

	/** Number of scan points in this block. */
	public int size() {
		return size;
	}

	public int frameIndex(final int i) {
		return first + i;
	}

	public int x(final int i) {
		return grid.x(first + i);
	}

	public int y(final int i) {
		return grid.y(first + i);
	}

	public int rows() {
		return rows;
	}

	public int columns() {
		return columns;
	}

	public int angles() {
		return angles;
	}

	/**
	 * The voxels of the i-th scan point of the block, angle-major:
	 * index = (angle * rows + row) * columns + column.
	 */
	public float[] voxels(final int i) {
		if (i < 0 || i >= size) throw new IndexOutOfBoundsException(i);
		return volumes[i];
	}

	/** The i-th volume as an ImgLib2 view with axes (row, column, angle), sharing the block's memory. */
	public RandomAccessibleInterval<FloatType> volume(final int i) {
		return RockingScan.volumeView(voxels(i), rows, columns, angles);
	}
}
