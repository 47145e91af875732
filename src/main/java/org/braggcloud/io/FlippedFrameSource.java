package org.braggcloud.io;

import java.io.IOException;
import java.nio.file.Path;

import org.braggcloud.scan.FrameSource;
import org.braggcloud.scan.PixelType;

/** Presents every frame of another source upside down, as HXN's own readers do. */
final class FlippedFrameSource implements FrameSource {

	private final FrameSource source;

	FlippedFrameSource(final FrameSource source) {
		this.source = source;
	}

	@Override
	public void read(final int first, final int count, final float[][] dest, final int offset) throws IOException {
		source.read(first, count, dest, offset);
		final int rows = rows(), columns = columns();
		final float[] swap = new float[columns];
		for (int f = 0; f < count; f++) {
			final float[] frame = dest[f];
			for (int top = 0, bottom = rows - 1; top < bottom; top++, bottom--) {
				final int a = offset + top * columns, b = offset + bottom * columns;
				System.arraycopy(frame, a, swap, 0, columns);
				System.arraycopy(frame, b, frame, a, columns);
				System.arraycopy(swap, 0, frame, b, columns);
			}
		}
	}

	@Override
	public Path file() {
		return source.file();
	}

	@Override
	public int frameCount() {
		return source.frameCount();
	}

	@Override
	public int rows() {
		return source.rows();
	}

	@Override
	public int columns() {
		return source.columns();
	}

	@Override
	public PixelType pixelType() {
		return source.pixelType();
	}

	@Override
	public void close() throws IOException {
		source.close();
	}
}
