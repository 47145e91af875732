package org.braggcloud.clustering;

import java.util.HashMap;
import java.util.Map;

/**
 * Agreement of two partitions corrected for chance (Hubert and Arabie, 1985): 1 for identical
 * partitions whatever the label numbers, about 0 for independent ones. Used to compare cluster
 * maps between methods, seeds and known truth.
 */
public final class AdjustedRandIndex {

	private AdjustedRandIndex() {}

	public static double of(final int[] a, final int[] b) {
		if (a.length != b.length) throw new IllegalArgumentException("Partitions of " + a.length + " and " + b.length + " items");
		final long n = a.length;
		final Map<Long, Long> pairs = new HashMap<>();
		final Map<Integer, Long> rows = new HashMap<>(), cols = new HashMap<>();
		for (int i = 0; i < a.length; i++) {
			pairs.merge(((long) a[i] << 32) ^ (b[i] & 0xffffffffL), 1L, Long::sum);
			rows.merge(a[i], 1L, Long::sum);
			cols.merge(b[i], 1L, Long::sum);
		}
		double index = 0, sumA = 0, sumB = 0;
		for (final long v : pairs.values())
			index += choose2(v);
		for (final long v : rows.values())
			sumA += choose2(v);
		for (final long v : cols.values())
			sumB += choose2(v);
		final double expected = sumA * sumB / choose2(n);
		final double max = 0.5 * (sumA + sumB);
		if (max == expected) return 1; // both trivial (all one cluster, or all singletons): they agree
		return (index - expected) / (max - expected);
	}

	private static double choose2(final long m) {
		return m * (m - 1) / 2.0;
	}
}
