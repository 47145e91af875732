package org.braggcloud.network.checkpoint;

import java.util.Arrays;

/** Element counts and printing of array shapes, shared by the .npy and torch readers. */
final class Shapes {

	private Shapes() {}

	/** Number of elements, or -1 when it does not fit a Java array. */
	static long count(final int[] shape) {
		long n = 1;
		for (final int s : shape) {
			n *= s;
			if (n > Integer.MAX_VALUE - 8) return -1;
		}
		return n;
	}

	/** Python tuple notation, e.g. {@code (512, 514, 1)} or {@code (64,)}. */
	static String text(final int[] shape) {
		if (shape.length == 1) return "(" + shape[0] + ",)";
		final String s = Arrays.toString(shape);
		return "(" + s.substring(1, s.length() - 1) + ")";
	}
}
