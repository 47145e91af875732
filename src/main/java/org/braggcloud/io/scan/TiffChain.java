package org.braggcloud.io.scan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

import org.braggcloud.scan.ScanFormatException;

/**
 * Walks a TIFF's chain of image directories before any decoder does. A chain that loops back,
 * points past the end of the file or holds more directories than the file has room for would
 * keep ImageJ's decoder reading forever, its memory growing; here it is refused at once, with the
 * file and the directory that breaks it. Only the 8-byte header and each directory's count and
 * link are read.
 */
public final class TiffChain {

	/** The smallest directory: its entry count, one 12-byte entry and the 4-byte link. */
	private static final int SMALLEST_DIRECTORY = 2 + 12 + 4;

	private TiffChain() {}

	/**
	 * @param field the descriptor field that named the file, for the message (null for none)
	 * @return the number of image directories
	 */
	public static int check(final Path file, final String field) throws IOException {
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			final long size = ch.size();
			final ByteBuffer head = read(ch, 0, 8, file, field, "header");
			final ByteOrder order = switch (head.getShort(0)) {
				case 0x4949 -> ByteOrder.LITTLE_ENDIAN;
				case 0x4D4D -> ByteOrder.BIG_ENDIAN;
				default -> throw new ScanFormatException(file, field, "not a TIFF file: it does not start with II or MM");
			};
			head.order(order);
			final int magic = head.getShort(2) & 0xffff;
			if (magic == 43) return -1; // BigTIFF: 8-byte links, left to a decoder that reads it
			if (magic != 42) throw new ScanFormatException(file, field, "not a TIFF file: version " + magic + ", expected 42");
			final Set<Long> seen = new HashSet<>();
			final long most = size / SMALLEST_DIRECTORY;
			long offset = head.getInt(4) & 0xffffffffL;
			int directories = 0;
			while (offset != 0) {
				final String which = "image directory " + (directories + 1) + " at byte " + offset;
				if (offset < 8 || offset + 2 > size)
					throw new ScanFormatException(file, field, which + " lies outside the file of " + size + " bytes; the file is truncated or damaged");
				if (!seen.add(offset))
					throw new ScanFormatException(file, field, which + " is one the file already listed: its chain of pages loops; the file is damaged");
				if (++directories > most)
					throw new ScanFormatException(file, field, "more image directories than " + size + " bytes can hold; the file is damaged");
				final int entries = read(ch, offset, 2, file, field, which).order(order).getShort(0) & 0xffff;
				final long link = offset + 2 + 12L * entries;
				offset = read(ch, link, 4, file, field, which).order(order).getInt(0) & 0xffffffffL;
			}
			if (directories == 0) throw new ScanFormatException(file, field, "not a TIFF file: it holds no image directory");
			return directories;
		}
	}

	private static ByteBuffer read(final FileChannel ch, final long at, final int n, final Path file, final String field, final String what)
		throws IOException
	{
		final ByteBuffer b = ByteBuffer.allocate(n);
		while (b.hasRemaining()) {
			if (ch.read(b, at + b.position()) < 0)
				throw new ScanFormatException(file, field, what + " runs past the end of the file (" + ch.size() + " bytes); the file is truncated");
		}
		return b;
	}
}
