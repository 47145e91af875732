package org.braggcloud.io.scan;

import ij.ImagePlus;
import ij.io.FileInfo;
import ij.io.FileOpener;
import ij.process.ImageProcessor;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.braggcloud.scan.ScanFormatException;

/**
 * An open multi-page TIFF: its page index and a channel for positional (thread-safe) reads.
 * Uncompressed pages are read directly; other pages are decoded by ImageJ one page at a time.
 */
final class TiffFile implements Closeable {

	/** Largest single read; runs of pages are split into reads of at most this size. */
	static final int MAX_READ_BYTES = 4 << 20;

	private final Path path;
	private final List<TiffPage> pages;
	private final FileChannel channel;
	private final ThreadLocal<ByteBuffer> buffers = new ThreadLocal<>();

	TiffFile(final Path path, final String field) throws IOException {
		this.path = path;
		this.pages = TiffPages.index(path, field);
		this.channel = FileChannel.open(path, StandardOpenOption.READ);
	}

	Path path() {
		return path;
	}

	List<TiffPage> pages() {
		return pages;
	}

	TiffPage page(final int i) {
		return pages.get(i);
	}

	/** Reads {@code length} bytes at {@code position} into a reusable buffer in the page's byte order. */
	ByteBuffer read(final long position, final int length, final boolean littleEndian) throws IOException {
		ByteBuffer buf = buffers.get();
		if (buf == null || buf.capacity() < length) {
			buf = ByteBuffer.allocate(Math.max(length, 64 << 10));
			buffers.set(buf);
		}
		buf.clear().limit(length);
		long pos = position;
		while (buf.hasRemaining()) {
			final int n = channel.read(buf, pos);
			if (n < 0) throw new ScanFormatException(path, "pixel data", "file ends early: expected " + length + " bytes at offset " + position + " (truncated file?)", new EOFException());
			pos += n;
		}
		return buf.order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
	}

	/** Decodes a compressed or scattered page with ImageJ; returns its pixels row-major as floats. */
	float[] decodeWithImageJ(final int pageIndex) throws IOException {
		final TiffPage page = pages.get(pageIndex);
		final FileInfo fi = (FileInfo) page.info().clone();
		fi.nImages = 1;
		final ImagePlus imp;
		synchronized (this) {
			imp = new FileOpener(fi).openImage();
		}
		if (imp == null) throw new ScanFormatException(path, "page " + pageIndex, "ImageJ could not decode this page (compression " + fi.compression + ")");
		final ImageProcessor ip = imp.getProcessor();
		final float[] out = new float[page.width() * page.height()];
		for (int i = 0; i < out.length; i++)
			out[i] = ip.getf(i);
		return out;
	}

	@Override
	public void close() throws IOException {
		channel.close();
	}
}
