package org.braggcloud.clustering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Two domains side by side on a 20 x 10 scan: a jump in the features at x = 10, and inside the
 * left domain a strong gradient along x that k-means cuts in two. The merge must undo the soft
 * cut, dissolve a seam cluster on the boundary, and keep the jump.
 */
class BoundaryMergeTest {

	private static final int NX = 20, NY = 10;

	@Test
	void softCutsAreMergedSeamsDissolvedAndJumpsKept() {
		final SplittableRandom rng = new SplittableRandom(2);
		final double[][] rows = new double[NX * NY][];
		final int[] pixels = new int[NX * NY];
		final int[] labels = new int[NX * NY];
		for (int y = 0; y < NY; y++)
			for (int x = 0; x < NX; x++) {
				final int i = y * NX + x;
				pixels[i] = i;
				// Left domain: feature 0 climbs 0.5 noise units per pixel; right domain: 20 units higher.
				final double f0 = x < 10 ? 0.5 * x : 25;
				rows[i] = new double[] { f0 + gaussian(rng), gaussian(rng) };
				// k-means-like labels: the left domain cut at x = 5, a seam cluster on x = 10, the right domain.
				labels[i] = x < 5 ? 0 : x < 10 ? 1 : x == 10 ? 2 : 3;
			}
		final int[] merged = BoundaryMerge.of(rows, labels, pixels, NX, NY);
		assertEquals(merged[0], merged[9], "the soft cut inside the left domain is merged");
		assertNotEquals(merged[9], merged[11], "the jump between the domains is kept");
		assertEquals(merged[11], merged[10], "the seam column goes to the domain its features match");
		assertEquals(2, java.util.Arrays.stream(merged).max().getAsInt() + 1);
	}

	@Test
	void twoDistinctDomainsStayApart() {
		final SplittableRandom rng = new SplittableRandom(4);
		final double[][] rows = new double[NX * NY][];
		final int[] pixels = new int[NX * NY];
		final int[] labels = new int[NX * NY];
		for (int i = 0; i < rows.length; i++) {
			pixels[i] = i;
			labels[i] = i % NX < 10 ? 0 : 1;
			rows[i] = new double[] { labels[i] * 6 + gaussian(rng), gaussian(rng) };
		}
		final int[] merged = BoundaryMerge.of(rows, labels, pixels, NX, NY);
		assertNotEquals(merged[0], merged[NX - 1]);
	}

	private static double gaussian(final SplittableRandom rng) {
		return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
	}
}
