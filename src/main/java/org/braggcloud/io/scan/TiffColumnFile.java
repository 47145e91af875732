package org.braggcloud.io.scan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.braggcloud.scan.PixelType;
import org.braggcloud.scan.ScanFormatException;

/**
 * Frames stored transposed (order {@code columns}), as the paper's own exports: page c holds
 * detector column c of every frame, as an image of height = detector rows and width = scan points.
 * A run of frames is then, per page and row, one contiguous stretch of the file.
 */
final class TiffColumnFile extends FrameFile {

	private final TiffFile tiff;

	/** Opens a frame file; the field is the descriptor entry that named it, for error messages. */
	static TiffColumnFile open(final Path path, final String field) throws IOException {
		final TiffFile tiff = new TiffFile(path, field);
		try {
			// a frame gathers one row of every page: detector rows x pages
			FrameFile.checkSize(path, field, "a frame", tiff.page(0).height(), tiff.pages().size());
			return new TiffColumnFile(tiff);
		}
		catch (final IOException | RuntimeException e) {
			tiff.close();
			throw e;
		}
	}

	private TiffColumnFile(final TiffFile tiff) throws IOException {
		super(tiff.path(), tiff.page(0).width(), tiff.page(0).height(), tiff.pages().size(), tiff.page(0).pixelType());
		this.tiff = tiff;
		final int rows = rows(), columns = columns(), frames = frameCount();
		final PixelType type = pixelType();
		final Path path = tiff.path();
		for (int i = 1; i < columns; i++) {
			final TiffPage p = tiff.page(i);
			if (p.width() != frames || p.height() != rows)
				throw new ScanFormatException(path, "page " + (i + 1), "page size " + p.width() + " x " + p.height() + " differs from the first page's " + frames + " x " + rows + " (order 'columns': width = scan points, height = detector rows)");
			if (p.pixelType() != type)
				throw new ScanFormatException(path, "page " + (i + 1), "pixel type " + p.pixelType().key() + " differs from the first page's " + type.key());
		}
	}






	@Override
	public void read(final int first, final int count, final float[][] dest, final int offset) throws IOException {
		final int rows = rows(), columns = columns(), frames = frameCount();
		final PixelType type = pixelType();
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
