package org.braggcloud.cloud;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ResamplingTest {

	/** Points with distinct values (the index), so the tests can tell which points were chosen. */
	private static PointCloud cloud(final int n, final long seed) {
		final SplittableRandom rng = new SplittableRandom(seed);
		final float[] p = new float[3 * n];
		final float[] v = new float[n];
		for (int i = 0; i < n; i++) {
			v[i] = i;
			for (int d = 0; d < 3; d++)
				p[3 * i + d] = (float) rng.nextGaussian();
		}
		return PointCloud.of(p, v);
	}

	private static double minPairDistance(final PointCloud c) {
		double best = Double.POSITIVE_INFINITY;
		for (int i = 0; i < c.size(); i++) {
			for (int j = i + 1; j < c.size(); j++) {
				final double dx = c.x(i) - c.x(j), dy = c.y(i) - c.y(j), dz = c.z(i) - c.z(j);
				best = Math.min(best, Math.sqrt(dx * dx + dy * dy + dz * dz));
			}
		}
		return best;
	}

	@Test
	void deterministicDistinctAndSeedDependent() {
		final PointCloud c = cloud(3000, 1);
		for (final boolean fps : new boolean[] {false, true}) {
			final PointCloud a = fps ? Resampling.farthestPoint(c, 256, 7) : Resampling.random(c, 256, 7);
			final PointCloud b = fps ? Resampling.farthestPoint(c, 256, 7) : Resampling.random(c, 256, 7);
			final PointCloud other = fps ? Resampling.farthestPoint(c, 256, 8) : Resampling.random(c, 256, 8);
			assertEquals(256, a.size());
			assertArrayEquals(a.positions(), b.positions());
			assertNotEquals(java.util.Arrays.toString(a.values()), java.util.Arrays.toString(other.values()));
			final Set<Float> ids = new HashSet<>();
			for (final float v : a.values())
				assertTrue(ids.add(v), "a point was chosen twice");
			for (int i = 0; i < a.size(); i++) {
				final int src = (int) a.value(i);
				assertEquals(c.x(src), a.x(i));
				assertEquals(c.z(src), a.z(i));
			}
		}
	}

	@Test
	void farthestPointSpreadsBetterThanRandom() {
		final PointCloud c = cloud(2000, 2);
		final double fps = minPairDistance(Resampling.farthestPoint(c, 200, 3));
		final double rnd = minPairDistance(Resampling.random(c, 200, 3));
		assertTrue(fps > 3 * rnd, "fps " + fps + " random " + rnd);
	}

	@Test
	void farthestPointNeverRepeatsDuplicates() {
		final PointCloud same = PointCloud.of(new float[3 * 10], new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
		final Set<Float> ids = new HashSet<>();
		for (final float v : Resampling.farthestPoint(same, 9, 1).values())
			assertTrue(ids.add(v));
	}

	@Test
	void exactSizeIsUnchanged() {
		final PointCloud c = cloud(100, 3);
		assertSame(c, Resampling.farthestPoint(c, 100, 1));
		assertSame(c, Resampling.random(c, 100, 1));
	}

	@Test
	void upsamplingKeepsAllAndSpreadsDuplicates() {
		final PointCloud c = cloud(100, 4);
		for (final PointCloud up : new PointCloud[] {Resampling.random(c, 250, 5), Resampling.farthestPoint(c, 250, 5)}) {
			assertEquals(250, up.size());
			final Map<Float, Integer> counts = new HashMap<>();
			for (final float v : up.values())
				counts.merge(v, 1, Integer::sum);
			assertEquals(100, counts.size());
			for (final int n : counts.values())
				assertTrue(n == 2 || n == 3, "each point 2 or 3 times, got " + n);
			for (int i = 0; i < 100; i++)
				assertEquals(i, up.value(i));
		}
	}

	@Test
	void invalidArguments() {
		assertThrows(IllegalArgumentException.class, () -> Resampling.random(cloud(10, 1), 0, 1));
		assertThrows(IllegalArgumentException.class, () -> Resampling.farthestPoint(PointCloud.empty(), 5, 1));
	}
}
