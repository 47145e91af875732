package org.braggcloud.io.scan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.braggcloud.scan.PixelType;
import org.braggcloud.scan.ScanFormatException;

/**
 * Frames stored one per TIFF page (order {@code frames}). Runs of consecutive pages that lie
 * back to back in the file are read with a single positional read.
 */
final class TiffFrameFile extends FrameFile {

	private final TiffFile tiff;

	/** Opens a frame file; the field is the descriptor entry that named it, for error messages. */
	static TiffFrameFile open(final Path path, final String field) throws IOException {
		final TiffFile tiff = new TiffFile(path, field);
		try {
			return new TiffFrameFile(tiff);
		}
		catch (final IOException | RuntimeException e) {
			tiff.close();
			throw e;
		}
	}

	private TiffFrameFile(final TiffFile tiff) throws IOException {
		super(tiff.path(), tiff.pages().size(), tiff.page(0).height(), tiff.page(0).width(), tiff.page(0).pixelType());
		this.tiff = tiff;
		final int rows = rows(), columns = columns();
		final PixelType type = pixelType();
		final Path path = tiff.path();
		for (int i = 1; i < tiff.pages().size(); i++) {
			final TiffPage p = tiff.page(i);
			if (p.width() != columns || p.height() != rows)
				throw new ScanFormatException(path, "page " + (i + 1), "frame size " + p.width() + " x " + p.height() + " differs from the first page's " + columns + " x " + rows);
			if (p.pixelType() != type)
				throw new ScanFormatException(path, "page " + (i + 1), "pixel type " + p.pixelType().key() + " differs from the first page's " + type.key());
		}
	}






	@Override
	public void read(final int first, final int count, final float[][] dest, final int offset) throws IOException {
		final int plane = rows() * columns();
		final PixelType type = pixelType();
		final long pageBytes = (long) plane * type.bytes();
		final int maxRun = (int) Math.max(1, TiffFile.MAX_READ_BYTES / pageBytes);
		int i = 0;
		while (i < count) {
			final TiffPage start = tiff.page(first + i);
			if (!start.direct()) {
				System.arraycopy(tiff.decodeWithImageJ(first + i), 0, dest[i], offset, plane);
				i++;
				continue;
			}
			// Extend the run while the next page follows this one directly in the file.
			int run = 1;
			while (i + run < count && run < maxRun) {
				final TiffPage next = tiff.page(first + i + run);
				if (!next.direct() || next.offset() != start.offset() + run * pageBytes || next.littleEndian() != start.littleEndian()) break;
				run++;
			}
			final ByteBuffer buf = tiff.read(start.offset(), (int) (run * pageBytes), start.littleEndian());
			for (int k = 0; k < run; k++)
				RawPixels.decode(buf, (int) (k * pageBytes), type, plane, dest[i + k], offset);
			i += run;
		}
	}

	@Override
	public void close() throws IOException {
		tiff.close();
	}
}
