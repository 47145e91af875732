package org.braggcloud.io.scan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the SampleFormat tag (339) of a TIFF's first page. ImageJ's decoder does not tell
 * unsigned from signed 32-bit integers, which matters for counts above 2^31.
 */
final class TiffSampleFormat {

	static final int UNSIGNED = 1, SIGNED = 2, FLOAT = 3;

	private static final int TAG = 339;

	private TiffSampleFormat() {}

	/** The first page's sample format; {@link #UNSIGNED} (the TIFF default) when absent or unreadable. */
	static int ofFirstPage(final Path file) {
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			final ByteBuffer head = read(ch, 0, 8, ByteOrder.LITTLE_ENDIAN);
			final ByteOrder order = head.get(0) == 'M' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
			head.order(order);
			if (head.getShort(2) != 42) return UNSIGNED; // BigTIFF or not a TIFF: keep ImageJ's view
			final long ifd = head.getInt(4) & 0xffffffffL;
			final int entries = read(ch, ifd, 2, order).getShort(0) & 0xffff;
			final ByteBuffer dir = read(ch, ifd + 2, entries * 12, order);
			for (int i = 0; i < entries; i++) {
				if ((dir.getShort(i * 12) & 0xffff) == TAG) return dir.getShort(i * 12 + 8) & 0xffff;
			}
		}
		catch (final IOException | RuntimeException e) {
			// Unreadable here means ImageJ's own reading will report the problem.
		}
		return UNSIGNED;
	}

	private static ByteBuffer read(final FileChannel ch, final long pos, final int n, final ByteOrder order) throws IOException {
		final ByteBuffer b = ByteBuffer.allocate(n).order(order);
		long p = pos;
		while (b.hasRemaining())
			if (ch.read(b, p) < 0) throw new IOException("short file");
			else p = pos + b.position();
		return b;
	}
}
