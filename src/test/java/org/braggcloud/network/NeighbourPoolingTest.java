package org.braggcloud.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The CPU neighbour search and pooling against brute force on random clouds. */
class NeighbourPoolingTest {

	private static final int N = 300;
	private static final int K = 16;

	@Test
	void treeNeighboursAreTheExactNearestWithSelfFirst() {
		final float[][] clouds = clouds(3, new SplittableRandom(11));
		final int[] rows = NeighbourRows.of(clouds, K, 2);
		assertEquals(3 * N * K, rows.length);
		for (int c = 0; c < 3; c++) {
			for (int i = 0; i < N; i++) {
				final int row = c * N + i;
				assertEquals(row, rows[row * K], "a point is its own first neighbour");
				final double[] d = new double[N];
				for (int j = 0; j < N; j++) d[j] = dist2(clouds[c], i, j);
				final double[] sorted = d.clone();
				Arrays.sort(sorted);
				for (int j = 0; j < K; j++) {
					final int local = rows[row * K + j] - c * N;
					assertEquals(sorted[j], d[local], 1e-9, "neighbour " + j + " of point " + i);
				}
			}
		}
	}

	@Test
	void paperNeighboursAgreeWithTheTreeOnDistances() {
		final float[][] clouds = clouds(2, new SplittableRandom(12));
		final int[] tree = NeighbourRows.of(clouds, K, 1);
		final int[] paper = NeighbourSearch.PAPER.rows(clouds, K, 1);
		int sameSets = 0;
		for (int r = 0; r < 2 * N; r++) {
			final int[] a = Arrays.copyOfRange(tree, r * K, (r + 1) * K);
			final int[] b = Arrays.copyOfRange(paper, r * K, (r + 1) * K);
			Arrays.sort(a);
			Arrays.sort(b);
			if (Arrays.equals(a, b)) sameSets++;
		}
		// float32 rounding may swap the k-th neighbour of a rare point, nothing more
		assertEquals(2 * N, sameSets, 2);
	}

	@Test
	void poolingTakesEachChannelsMaximumAndNamesItsSource() {
		final SplittableRandom r = new SplittableRandom(13);
		final float[][] clouds = clouds(2, r);
		final int[] rows = NeighbourRows.of(clouds, K, 2);
		final int channels = 7;
		final float[] x = new float[2 * N * channels];
		for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
		final float[] pooled = NeighbourMaxPool.values(x, channels, rows, K, 2);
		final long[] sources = NeighbourMaxPool.sources(x, channels, rows, K, 2);
		for (int i = 0; i < 2 * N; i++) {
			for (int c = 0; c < channels; c++) {
				float best = Float.NEGATIVE_INFINITY;
				for (int j = 0; j < K; j++) best = Math.max(best, x[rows[i * K + j] * channels + c]);
				assertEquals(best, pooled[i * channels + c], 0f);
				assertEquals(best, x[(int) sources[i * channels + c]], 0f);
				assertEquals(c, sources[i * channels + c] % channels, "a source stays in its channel");
			}
		}
		assertArrayEquals(pooled, NeighbourMaxPool.values(x, channels, rows, K, 1), "thread count changes nothing");
	}

	@Test
	void refusesMismatchedSizes() {
		final float[][] clouds = { new float[3 * 20], new float[3 * 21] };
		assertThrows(IllegalArgumentException.class, () -> NeighbourRows.of(clouds, 4, 1));
		assertThrows(IllegalArgumentException.class, () -> NeighbourRows.of(new float[][] { new float[9] }, 4, 1));
		assertThrows(IllegalArgumentException.class,
			() -> NeighbourMaxPool.values(new float[10], 5, new int[3], 2, 1));
	}

	private static float[][] clouds(final int count, final SplittableRandom r) {
		final float[][] clouds = new float[count][3 * N];
		for (final float[] c : clouds)
			for (int i = 0; i < c.length; i++) c[i] = (float) (10 * r.nextDouble());
		return clouds;
	}

	private static double dist2(final float[] p, final int i, final int j) {
		double s = 0;
		for (int d = 0; d < 3; d++) {
			final double t = (double) p[3 * i + d] - p[3 * j + d];
			s += t * t;
		}
		return s;
	}
}
