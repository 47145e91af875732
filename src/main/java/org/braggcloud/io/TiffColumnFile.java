package org.braggcloud.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.braggcloud.scan.FrameSource;
import org.braggcloud.scan.PixelType;
import org.braggcloud.scan.ScanFormatException;

/**
 * Frames stored transposed (order {@code columns}), as the paper's own exports: page c holds
 * detector column c of every frame, as an image of height = detector rows and width = scan points.
 * A run of frames is then, per page and row, one contiguous stretch of the file.
 */
final class TiffColumnFile implements FrameSource {

	private final TiffFile tiff;
	private final int rows, columns, frames;
	private final PixelType type;

	TiffColumnFile(final Path path, final String field) throws IOException {
		this.tiff = new TiffFile(path, field);
		final TiffPage first = tiff.page(0);
		this.columns = tiff.pages().size();
		this.rows = first.height();
		this.frames = first.width();
		this.type = first.pixelType();
		for (int i = 1; i < columns; i++) {
			final TiffPage p = tiff.page(i);
			if (p.width() != frames || p.height() != rows)
				throw new ScanFormatException(path, "page " + (i + 1), "page size " + p.width() + " x " + p.height() + " differs from the first page's " + frames + " x " + rows + " (order 'columns': width = scan points, height = detector rows)");
			if (p.pixelType() != type)
				throw new ScanFormatException(path, "page " + (i + 1), "pixel type " + p.pixelType().key() + " differs from the first page's " + type.key());
		}
	}

	@Override
	public Path file() {
		return tiff.path();
	}

	@Override
	public int frameCount() {
		return frames;
	}

	@Override
	public int rows() {
		return rows;
	}

	@Override
	public int columns() {
		return columns;
	}

	@Override
	public PixelType pixelType() {
		return type;
	}

	@Override
	public void read(final int first, final int count, final float[][] dest, final int offset) throws IOException {
		final int bpp = type.bytes();
		final float[] run = new float[count];
		for (int c = 0; c < columns; c++) {
			final TiffPage page = tiff.page(c);
			final float[] decoded = page.direct() ? null : tiff.decodeWithImageJ(c);
			for (int r = 0; r < rows; r++) {
				if (decoded != null) System.arraycopy(decoded, r * frames + first, run, 0, count);
				else {
					final ByteBuffer buf = tiff.read(page.offset() + ((long) r * frames + first) * bpp, count * bpp, page.littleEndian());
					RawPixels.decode(buf, 0, type, count, run, 0);
				}
				final int to = offset + r * columns + c;
				for (int f = 0; f < count; f++)
					dest[f][to] = run[f];
			}
		}
	}

	@Override
	public void close() throws IOException {
		tiff.close();
	}
}
