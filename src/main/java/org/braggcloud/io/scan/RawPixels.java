package org.braggcloud.io.scan;

import java.nio.ByteBuffer;

import org.braggcloud.scan.PixelType;

/** Decodes raw stored pixels into 32-bit float counts. */
final class RawPixels {

	private RawPixels() {}

	/**
	 * Decodes {@code n} pixels starting at byte {@code from} of {@code buf} (whose byte order must
	 * already be set) into {@code dest[offset ..]}.
	 */
	static void decode(final ByteBuffer buf, final int from, final PixelType type, final int n,
		final float[] dest, final int offset)
	{
		switch (type) {
			case UINT8 -> { for (int i = 0; i < n; i++) dest[offset + i] = buf.get(from + i) & 0xff; }
			case INT8 -> { for (int i = 0; i < n; i++) dest[offset + i] = buf.get(from + i); }
			case UINT16 -> { for (int i = 0; i < n; i++) dest[offset + i] = buf.getShort(from + 2 * i) & 0xffff; }
			case INT16 -> { for (int i = 0; i < n; i++) dest[offset + i] = buf.getShort(from + 2 * i); }
			case UINT32 -> { for (int i = 0; i < n; i++) dest[offset + i] = buf.getInt(from + 4 * i) & 0xffffffffL; }
			case INT32 -> { for (int i = 0; i < n; i++) dest[offset + i] = buf.getInt(from + 4 * i); }
			case FLOAT32 -> { for (int i = 0; i < n; i++) dest[offset + i] = buf.getFloat(from + 4 * i); }
		}
	}
}
