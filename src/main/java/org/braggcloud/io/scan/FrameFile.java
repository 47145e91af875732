package org.braggcloud.io.scan;

import java.nio.file.Path;

import org.braggcloud.scan.FrameSource;
import org.braggcloud.scan.PixelType;
import org.braggcloud.scan.ScanFormatException;

/** What every frame file knows once opened: where it is and the shape and type of its frames. */
abstract class FrameFile implements FrameSource {

	private final Path path;
	private final int frames, rows, columns;
	private final PixelType type;

	/**
	 * Refuses, before anything is allocated, an image that cannot be held: one frame is read into
	 * one float array, and the streaming reader keeps a few frames per thread, so a frame must be
	 * a Java array and take at most a quarter of the heap.
	 */
	static void checkSize(final Path path, final String field, final String what, final long height, final long width) throws ScanFormatException {
		final long pixels = height * width;
		if (pixels > Integer.MAX_VALUE - 8)
			throw new ScanFormatException(path, field, what + " of " + width + " x " + height + " = " + pixels + " pixels is larger than one Java array holds (2^31)");
		final long heap = Runtime.getRuntime().maxMemory();
		if (4 * pixels > heap / 4)
			throw new ScanFormatException(path, field, String.format(java.util.Locale.ROOT, "%s of %d x %d pixels needs %.1f GB as floats, more than a quarter of "
				+ "this JVM's %.1f GB heap; crop the detector ROI or give Java more memory (BRAGG_CLOUD_JAVA_OPTS=-Xmx..., or Fiji's Edit > Options > Memory)",
				what, width, height, 4e-9 * pixels, 1e-9 * heap));
	}

	FrameFile(final Path path, final int frames, final int rows, final int columns, final PixelType type) {
		this.path = path;
		this.frames = frames;
		this.rows = rows;
		this.columns = columns;
		this.type = type;
	}

	@Override
	public final Path file() {
		return path;
	}

	@Override
	public final int frameCount() {
		return frames;
	}

	@Override
	public final int rows() {
		return rows;
	}

	@Override
	public final int columns() {
		return columns;
	}

	@Override
	public final PixelType pixelType() {
		return type;
	}
}
