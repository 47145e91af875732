package org.braggcloud.io.scan;

import java.nio.ByteBuffer;

import org.braggcloud.scan.PixelType;

/** Stores float counts in a pixel type: rounded to the nearest integer and clamped to its range. */
final class PixelEncoding {

	private PixelEncoding() {}

	static void put(final ByteBuffer b, final PixelType type, final float v) {
		switch (type) {
			case UINT8 -> b.put((byte) clamp(v, 0, 255));
			case INT8 -> b.put((byte) clamp(v, -128, 127));
			case UINT16 -> b.putShort((short) clamp(v, 0, 65535));
			case INT16 -> b.putShort((short) clamp(v, -32768, 32767));
			case UINT32 -> b.putInt((int) clamp(v, 0, 4294967295L));
			case INT32 -> b.putInt((int) clamp(v, Integer.MIN_VALUE, Integer.MAX_VALUE));
			case FLOAT32 -> b.putFloat(v);
		}
	}

	/** Rounds to the nearest integer within [min, max]. */
	static long clamp(final float v, final long min, final long max) {
		final long r = Math.round((double) v);
		return Math.max(min, Math.min(max, r));
	}
}
