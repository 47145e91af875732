package org.braggcloud.scan;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * An opened rocking scan: a raster of scan points, each with one detector frame per rocking angle.
 * <p>
 * Frames stay on disk; {@link #volume(int, int)} reads one pixel's Bragg-peak volume and
 * {@link VolumeStream} streams blocks of pixels for whole-scan passes. Close the scan to release
 * its files.
 */
public final class RockingScan implements Closeable {

	private final ScanDescriptor descriptor;
	private final List<FrameSource> angles;
	private final List<XrfMap> xrf;

	/**
	 * @param descriptor what the scan is
	 * @param angles     one frame source per rocking angle, all of the same detector size and
	 *                   frame count (checked by whoever opens the files)
	 * @param xrf        one XRF map per angle, or empty
	 */
	public RockingScan(final ScanDescriptor descriptor, final List<FrameSource> angles, final List<XrfMap> xrf) {
		if (angles.size() != descriptor.angleCount())
			throw new IllegalArgumentException(angles.size() + " frame sources for " + descriptor.angleCount() + " angles");
		this.descriptor = descriptor;
		this.angles = List.copyOf(angles);
		this.xrf = List.copyOf(xrf);
	}

	/**
	 * This scan seen through a drift correction, without copying data: volumes of the returned scan
	 * read angle i's frames at scan position (x + dx_i, y + dy_i), interpolated bilinearly.
	 * Closing either scan closes the files of both.
	 *
	 * @param shifts {@code shifts[i] = {dy, dx}} in scan pixels: a feature at (y, x) in angle 0
	 *               appears at (y + dy, x + dx) in angle i
	 */
	public RockingScan aligned(final double[][] shifts) {
		if (shifts.length != angles.size()) throw new IllegalArgumentException(shifts.length + " shifts for " + angles.size() + " angles");
		final List<FrameSource> shifted = new java.util.ArrayList<>();
		for (int a = 0; a < angles.size(); a++)
			shifted.add(shifts[a][0] == 0 && shifts[a][1] == 0 ? angles.get(a) : new ShiftedFrameSource(angles.get(a), grid(), shifts[a][0], shifts[a][1]));
		return new RockingScan(descriptor, shifted, xrf);
	}

	public ScanDescriptor descriptor() {
		return descriptor;
	}

	public String name() {
		return descriptor.name();
	}

	public ScanGrid grid() {
		return descriptor.grid();
	}

	public int angleCount() {
		return angles.size();
	}

	public double[] anglesDeg() {
		return descriptor.anglesDeg();
	}

	public int rows() {
		return angles.get(0).rows();
	}

	public int columns() {
		return angles.get(0).columns();
	}

	public PixelType pixelType() {
		return angles.get(0).pixelType();
	}

	/** Voxels in one pixel's volume: rows x columns x angles. */
	public int voxelsPerPixel() {
		return rows() * columns() * angleCount();
	}

	/** Size of all frames as stored, in bytes. */
	public long frameBytes() {
		return (long) voxelsPerPixel() * grid().pointCount() * pixelType().bytes();
	}

	public FrameSource frames(final int angle) {
		return angles.get(angle);
	}

	public boolean hasXrf() {
		return !xrf.isEmpty();
	}

	/** The XRF map of one angle. */
	public XrfMap xrf(final int angle) {
		if (xrf.isEmpty()) throw new IllegalStateException("Scan '" + name() + "' has no XRF maps");
		return xrf.get(angle);
	}

	/**
	 * Reads the Bragg-peak volume of scan point (x, y) into {@code dest} (length
	 * {@link #voxelsPerPixel()}), laid out angle-major: index = (angle * rows + row) * columns + column.
	 */
	public void readVolume(final int x, final int y, final float[] dest) throws IOException {
		final int frame = grid().frameIndex(x, y);
		final float[][] target = { dest };
		final int plane = rows() * columns();
		for (int a = 0; a < angles.size(); a++)
			angles.get(a).read(frame, 1, target, a * plane);
	}

	/**
	 * The Bragg-peak volume of scan point (x, y), read now, with axes (detector row, detector
	 * column, angle index).
	 */
	public RandomAccessibleInterval<FloatType> volume(final int x, final int y) {
		final float[] data = new float[voxelsPerPixel()];
		try {
			readVolume(x, y, data);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		return volumeView(data, rows(), columns(), angleCount());
	}

	/**
	 * Wraps an angle-major voxel array as a view with axes (row, column, angle), without copying.
	 */
	public static RandomAccessibleInterval<FloatType> volumeView(final float[] data, final int rows,
		final int columns, final int angles)
	{
		// The array is column-fastest; ImgLib2's first axis is the fastest, so swap the first two.
		return Views.permute(ArrayImgs.floats(data, columns, rows, angles), 0, 1);
	}

	@Override
	public void close() throws IOException {
		IOException first = null;
		for (final FrameSource source : angles) {
			try {
				source.close();
			}
			catch (final IOException e) {
				if (first == null) first = e;
			}
		}
		if (first != null) throw first;
	}
}
