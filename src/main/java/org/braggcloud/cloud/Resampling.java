package org.braggcloud.cloud;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Brings a cloud to a fixed number of points, as the autoencoder needs (the paper used 2048; how
 * it resampled is not recorded, so both common choices are offered).
 * <p>
 * Both methods are deterministic for a given seed. A cloud of exactly {@code n} points is returned
 * unchanged. When {@code n} exceeds the cloud's size, every point is kept once and seeded duplicates
 * fill up to {@code n}: the duplicates are drawn as successive seeded permutations of all points, so
 * no point is repeated twice before every point has been repeated once. Values travel with their
 * points.
 */
public final class Resampling {

	private Resampling() {
	}

	/**
	 * Farthest-point sampling: starts at a seeded random point, then repeatedly adds the point
	 * farthest from all points chosen so far (ties to the lower index). It spreads the sample
	 * evenly over the shape, unlike random sampling which follows the density. O(n * size).
	 * Points are returned in selection order, so any prefix is itself a coarse cover.
	 */
	public static PointCloud farthestPoint(final PointCloud cloud, final int n, final long seed) {
		check(cloud, n);
		final int size = cloud.size();
		if (n == size)
			return cloud;
		if (n > size)
			return upsample(cloud, n, seed);
		final float[] p = cloud.positions();
		final double[] minD2 = new double[size];
		Arrays.fill(minD2, Double.POSITIVE_INFINITY);
		final int[] chosen = new int[n];
		int current = new SplittableRandom(seed).nextInt(size);
		for (int k = 0; k < n; k++) {
			chosen[k] = current;
			// -1 marks chosen points: distances never lower it and the argmax never picks it,
			// so duplicates in the cloud cannot make a point be chosen twice.
			minD2[current] = -1;
			final double cx = p[3 * current], cy = p[3 * current + 1], cz = p[3 * current + 2];
			int best = -1;
			double bestD2 = -1;
			for (int i = 0; i < size; i++) {
				final double dx = p[3 * i] - cx, dy = p[3 * i + 1] - cy, dz = p[3 * i + 2] - cz;
				final double d2 = dx * dx + dy * dy + dz * dz;
				if (d2 < minD2[i])
					minD2[i] = d2;
				if (minD2[i] > bestD2) {
					bestD2 = minD2[i];
					best = i;
				}
			}
			current = best;
		}
		return cloud.subset(chosen);
	}

	/**
	 * Uniform random sampling without replacement (seeded partial Fisher-Yates); the kept points
	 * stay in their original order. For {@code n > size} see the class comment.
	 */
	public static PointCloud random(final PointCloud cloud, final int n, final long seed) {
		check(cloud, n);
		final int size = cloud.size();
		if (n == size)
			return cloud;
		if (n > size)
			return upsample(cloud, n, seed);
		final SplittableRandom rng = new SplittableRandom(seed);
		final int[] perm = identity(size);
		for (int k = 0; k < n; k++) {
			final int j = k + rng.nextInt(size - k);
			final int t = perm[k];
			perm[k] = perm[j];
			perm[j] = t;
		}
		final int[] chosen = Arrays.copyOf(perm, n);
		Arrays.sort(chosen);
		return cloud.subset(chosen);
	}

	private static PointCloud upsample(final PointCloud cloud, final int n, final long seed) {
		final int size = cloud.size();
		final SplittableRandom rng = new SplittableRandom(seed);
		final int[] chosen = new int[n];
		for (int i = 0; i < size; i++)
			chosen[i] = i;
		final int[] perm = identity(size);
		int k = size;
		while (k < n) {
			for (int i = size - 1; i > 0; i--) {
				final int j = rng.nextInt(i + 1);
				final int t = perm[i];
				perm[i] = perm[j];
				perm[j] = t;
			}
			final int take = Math.min(size, n - k);
			System.arraycopy(perm, 0, chosen, k, take);
			k += take;
		}
		return cloud.subset(chosen);
	}

	private static int[] identity(final int size) {
		final int[] a = new int[size];
		for (int i = 0; i < size; i++)
			a[i] = i;
		return a;
	}

	private static void check(final PointCloud cloud, final int n) {
		if (n < 1)
			throw new IllegalArgumentException("number of points must be >= 1, got " + n);
		if (cloud.isEmpty())
			throw new IllegalArgumentException("cannot resample an empty cloud to " + n + " points");
	}
}
