package org.braggcloud.network.checkpoint;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.braggcloud.scan.ScanFormatException;

/**
 * A numeric NumPy dtype such as {@code <f4} or {@code |u1}: byte order, kind and width, which is
 * all that is needed to turn raw bytes into numbers. Non-numeric kinds are refused here so that
 * object arrays (pickles in disguise) are never interpreted.
 */
record NpyDtype(ByteOrder order, char kind, int width) {

	/** Parses a descr string; {@code file} only serves the error message. */
	static NpyDtype parse(final Path file, final String descr) throws ScanFormatException {
		if (descr.length() >= 2 && descr.charAt(1) == 'O') {
			throw new ScanFormatException(file, "descr", "object arrays ('" + descr +
				"') are not supported: they hold pickled Python objects, not numbers");
		}
		if (descr.length() < 3) throw bad(file, descr, "is not a numeric dtype");
		final char endian = descr.charAt(0);
		final char kind = descr.charAt(1);
		final ByteOrder order;
		switch (endian) {
			case '<': case '|': order = ByteOrder.LITTLE_ENDIAN; break;
			case '>': order = ByteOrder.BIG_ENDIAN; break;
			case '=': order = ByteOrder.nativeOrder(); break;
			default: throw bad(file, descr, "has an unknown byte order '" + endian + "'");
		}
		final int width;
		try {
			width = Integer.parseInt(descr.substring(2));
		}
		catch (final NumberFormatException e) {
			throw bad(file, descr, "has no numeric width");
		}
		final boolean ok = switch (kind) {
			case 'f' -> width == 2 || width == 4 || width == 8;
			case 'i', 'u' -> width == 1 || width == 2 || width == 4 || width == 8;
			case 'b' -> width == 1;
			default -> false;
		};
		if (!ok) throw bad(file, descr, "is not supported (use float, int, uint or bool)");
		return new NpyDtype(order, kind, width);
	}

	/** True when float32 would lose information, so the values are kept as doubles. */
	boolean needsDouble() {
		return width == 8 || kind == 'i' && width == 4 || kind == 'u' && width == 4;
	}

	/** Reads {@code count} values starting at the buffer's position. */
	double[] decode(final ByteBuffer buffer, final int count) {
		final ByteBuffer b = buffer.order(order);
		final double[] out = new double[count];
		for (int i = 0; i < count; i++) out[i] = next(b);
		return out;
	}

	private double next(final ByteBuffer b) {
		switch (kind) {
			case 'f':
				if (width == 2) return HalfFloat.toFloat(b.getShort());
				return width == 4 ? b.getFloat() : b.getDouble();
			case 'i':
				return width == 1 ? b.get() : width == 2 ? b.getShort() : width == 4 ? b.getInt() : b
					.getLong();
			case 'u':
				if (width == 1) return b.get() & 0xff;
				if (width == 2) return b.getShort() & 0xffff;
				if (width == 4) return b.getInt() & 0xffffffffL;
				return unsignedLong(b.getLong());
			default:
				return b.get() != 0 ? 1 : 0;
		}
	}

	private static double unsignedLong(final long v) {
		return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
	}

	private static ScanFormatException bad(final Path file, final String descr,
		final String problem)
	{
		return new ScanFormatException(file, "descr", "dtype '" + descr + "' " + problem);
	}
}
