package org.braggcloud.io.scan;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.braggcloud.scan.PixelType;

/**
 * Writes a multi-page baseline TIFF one page at a time, so stacks larger than memory can be
 * written. Pixel data of all pages lie back to back (readers can fetch runs of pages in one
 * read); the page directories follow them at the end. Little-endian, uncompressed, one strip per
 * page; files must stay under 4 GB (classic TIFF).
 */
final class TiffStackWriter implements Closeable {

	private static final int ENTRIES = 10;

	private final FileChannel channel;
	private final int width, height;
	private final PixelType type;
	private final ByteBuffer page;
	private long pages;
	private boolean closed;

	TiffStackWriter(final Path file, final int width, final int height, final PixelType type) throws IOException {
		this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
		this.width = width;
		this.height = height;
		this.type = type;
		this.page = ByteBuffer.allocate(width * height * type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
		// Header; the offset of the first directory is filled in on close.
		final ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
		header.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(0).flip();
		writeFully(header, 0);
	}

	/** Appends one page: {@code width * height} values, row-major, rounded and clamped to the pixel type. */
	void writePage(final float[] pixels, final int offset) throws IOException {
		page.clear();
		final int n = width * height;
		for (int i = 0; i < n; i++)
			PixelEncoding.put(page, type, pixels[offset + i]);
		page.flip();
		writeFully(page, 8 + pages * page.capacity());
		pages++;
	}

	@Override
	public void close() throws IOException {
		if (closed) return;
		closed = true;
		try {
			final long pageBytes = page.capacity();
			final long dataEnd = 8 + pages * pageBytes;
			final int ifdBytes = 2 + ENTRIES * 12 + 4;
			final long end = dataEnd + pages * (long) ifdBytes;
			if (end > 0xffffffffL) throw new IOException("TIFF file would exceed 4 GB (" + end + " bytes); write fewer frames per file");
			final ByteBuffer ifd = ByteBuffer.allocate(ifdBytes).order(ByteOrder.LITTLE_ENDIAN);
			for (long p = 0; p < pages; p++) {
				final long at = dataEnd + p * ifdBytes;
				final long next = p + 1 < pages ? at + ifdBytes : 0;
				ifd.clear();
				ifd.putShort((short) ENTRIES);
				entry(ifd, 254, 4, 1, 0); // NewSubfileType: full-resolution page
				entry(ifd, 256, 4, 1, width);
				entry(ifd, 257, 4, 1, height);
				entry(ifd, 258, 3, 1, type.bytes() * 8);
				entry(ifd, 259, 3, 1, 1); // no compression
				entry(ifd, 262, 3, 1, 1); // BlackIsZero
				entry(ifd, 273, 4, 1, 8 + p * pageBytes);
				entry(ifd, 277, 3, 1, 1);
				entry(ifd, 279, 4, 1, pageBytes);
				entry(ifd, 339, 3, 1, sampleFormat());
				ifd.putInt((int) next).flip();
				writeFully(ifd, at);
			}
			final ByteBuffer first = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
			first.putInt(pages > 0 ? (int) dataEnd : 0).flip();
			writeFully(first, 4);
		}
		finally {
			channel.close();
		}
	}

	private int sampleFormat() {
		return switch (type) {
			case FLOAT32 -> 3;
			case INT8, INT16, INT32 -> 2;
			default -> 1;
		};
	}

	private static void entry(final ByteBuffer b, final int tag, final int fieldType, final int count, final long value) {
		b.putShort((short) tag).putShort((short) fieldType).putInt(count);
		if (fieldType == 3) b.putShort((short) value).putShort((short) 0);
		else b.putInt((int) value);
	}

	private void writeFully(final ByteBuffer b, final long position) throws IOException {
		long pos = position;
		while (b.hasRemaining())
			pos += channel.write(b, pos);
	}
}
