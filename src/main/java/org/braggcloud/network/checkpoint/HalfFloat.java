package org.braggcloud.network.checkpoint;

/**
 * IEEE 754 half precision to float, because the JDK only gains this in Java 20 and half-precision
 * checkpoints and arrays are common.
 */
final class HalfFloat {

	private HalfFloat() {}

	static float toFloat(final short bits) {
		final int h = bits & 0xffff;
		final int sign = (h & 0x8000) << 16;
		final int exponent = (h >>> 10) & 0x1f;
		final int mantissa = h & 0x3ff;
		if (exponent == 0x1f) { // infinity or NaN
			return Float.intBitsToFloat(sign | 0x7f800000 | mantissa << 13);
		}
		if (exponent == 0) { // zero or subnormal: mantissa * 2^-24
			final float v = mantissa * 0x1p-24f;
			return sign == 0 ? v : -v;
		}
		return Float.intBitsToFloat(sign | (exponent + 112) << 23 | mantissa << 13);
	}
}
