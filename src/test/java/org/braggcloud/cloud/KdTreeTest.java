package org.braggcloud.cloud;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Exact agreement with a brute-force search that sorts by (squared distance, index). */
class KdTreeTest {

	/** Random cloud; with {@code grid} the coordinates are small integers, so many distances tie. */
	private static PointCloud cloud(final int n, final long seed, final boolean grid) {
		final SplittableRandom rng = new SplittableRandom(seed);
		final float[] p = new float[3 * n];
		for (int i = 0; i < p.length; i++)
			p[i] = grid ? rng.nextInt(6) : (float) (10 * rng.nextGaussian());
		if (!grid && n > 10) {
			// A few exact duplicates.
			System.arraycopy(p, 0, p, 3, 3);
			System.arraycopy(p, 0, p, 6, 3);
		}
		return PointCloud.of(p);
	}

	private static double d2(final PointCloud c, final int i, final double x, final double y, final double z) {
		final double dx = c.x(i) - x, dy = c.y(i) - y, dz = c.z(i) - z;
		return dx * dx + dy * dy + dz * dz;
	}

	private static int[] bruteOrder(final PointCloud c, final double x, final double y, final double z) {
		return IntStream.range(0, c.size()).boxed()
			.sorted(Comparator.<Integer> comparingDouble(i -> d2(c, i, x, y, z)).thenComparingInt(i -> i))
			.mapToInt(Integer::intValue).toArray();
	}

	@Test
	void nearestMatchesBruteForce() {
		for (final boolean grid : new boolean[] {false, true}) {
			for (final int n : new int[] {1, 5, 37, 500}) {
				final PointCloud c = cloud(n, n + (grid ? 1000 : 0), grid);
				final KdTree tree = KdTree.build(c);
				final SplittableRandom rng = new SplittableRandom(n);
				for (int q = 0; q < 40; q++) {
					final double x = grid ? rng.nextInt(6) : 12 * rng.nextGaussian();
					final double y = grid ? rng.nextInt(6) : 12 * rng.nextGaussian();
					final double z = grid ? rng.nextInt(6) : 12 * rng.nextGaussian();
					final int[] expected = bruteOrder(c, x, y, z);
					for (final int k : new int[] {1, 3, 16, 100, n, n + 7}) {
						final Neighbours nb = tree.nearest(x, y, z, k);
						final int m = Math.min(k, n);
						assertEquals(m, nb.size());
						assertArrayEquals(Arrays.copyOf(expected, m), nb.indices(), "n " + n + " k " + k + " grid " + grid);
						for (int j = 0; j < m; j++)
							assertEquals(d2(c, expected[j], x, y, z), nb.squaredDistances()[j]);
					}
				}
			}
		}
	}

	@Test
	void withinMatchesBruteForce() {
		final PointCloud c = cloud(800, 3, false);
		final KdTree tree = KdTree.build(c);
		final IndexBuffer buf = new IndexBuffer(4);
		final SplittableRandom rng = new SplittableRandom(4);
		for (int q = 0; q < 50; q++) {
			final double x = 10 * rng.nextGaussian(), y = 10 * rng.nextGaussian(), z = 10 * rng.nextGaussian();
			final double r = 30 * rng.nextDouble();
			tree.within(x, y, z, r, buf);
			final int[] got = buf.toArray();
			Arrays.sort(got);
			final int[] expected = IntStream.range(0, c.size()).filter(i -> d2(c, i, x, y, z) <= r * r).toArray();
			assertArrayEquals(expected, got);
		}
	}

	@Test
	void nearestOfAllExcludesOrIncludesSelf() {
		for (final boolean grid : new boolean[] {false, true}) {
			final PointCloud c = cloud(300, 9, grid);
			final KdTree tree = KdTree.build(c);
			for (final int k : new int[] {1, 8, 299, 400}) {
				final KnnTable excl = tree.nearestOfAll(k, false, 3);
				final KnnTable incl = tree.nearestOfAll(k, true, 2);
				assertEquals(Math.min(k, 299), excl.k());
				assertEquals(Math.min(k, 300), incl.k());
				for (int i = 0; i < c.size(); i++) {
					final int self = i;
					final int[] all = bruteOrder(c, c.x(i), c.y(i), c.z(i));
					final int[] others = Arrays.stream(all).filter(j -> j != self).toArray();
					assertArrayEquals(Arrays.copyOf(others, excl.k()), excl.indices(i));
					assertArrayEquals(Arrays.copyOf(all, incl.k()), incl.indices(i));
					for (int j = 0; j < excl.k(); j++)
						assertEquals(d2(c, others[j], c.x(i), c.y(i), c.z(i)), excl.squaredDistance(i, j));
				}
			}
		}
	}

	@Test
	void allDuplicatesAndEmpty() {
		final PointCloud same = PointCloud.of(new float[3 * 50]);
		final KdTree tree = KdTree.build(same);
		assertArrayEquals(new int[] {0, 1, 2, 3}, tree.nearest(0, 0, 0, 4).indices());
		final KnnTable t = tree.nearestOfAll(3, false, 2);
		assertArrayEquals(new int[] {1, 2, 3}, t.indices(0));
		assertArrayEquals(new int[] {0, 1, 2}, t.indices(5));
		final KdTree empty = KdTree.build(PointCloud.empty());
		assertEquals(0, empty.nearest(1, 2, 3, 5).size());
		assertEquals(0, empty.within(1, 2, 3, 10, new IndexBuffer()));
		assertEquals(0, KdTree.build(PointCloud.of(new float[3])).nearestOfAll(5, false, 1).k());
	}

	@Test
	void orderIsAPermutation() {
		final int[] order = KdTree.build(cloud(200, 5, false)).order();
		Arrays.sort(order);
		assertArrayEquals(IntStream.range(0, 200).toArray(), order);
	}
}
