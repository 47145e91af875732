package org.braggcloud.clustering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Three domains on a 24 x 12 scan: A (x < 8), B (8 <= x < 16) and C (x >= 16), features 0, 10
 * and 20 noise units along one axis. Along the A | B boundary a one-pixel line carries C's label,
 * as a mixture of A and B often does: it must go back to A or B, whichever its features match,
 * and never to C; everything else stays.
 */
class SeamCleanupTest {

	private static final int NX = 24, NY = 12;

	@Test
	void aThinLineOfAThirdClusterGoesToTheNearestClusterItTouches() {
		final Scan s = scan(3);
		// The line at x = 8 looks like a mixture: nearer B (7) than A (0), and far from C (20).
		for (int y = 0; y < NY; y++) {
			s.labels[y * NX + 8] = 2;
			s.rows[y * NX + 8][0] = 7;
		}
		final int[] cleaned = SeamCleanup.regions(s.rows, s.labels, s.pixels, NX, NY);
		for (int y = 0; y < NY; y++) assertEquals(1, cleaned[y * NX + 8], "row " + y + " of the line goes to B");
		for (int i = 0; i < cleaned.length; i++) if (i % NX != 8) assertEquals(s.labels[i], cleaned[i], "pixel " + i);
	}

	@Test
	void aDomainThreePixelsWideIsKept() {
		final Scan s = scan(5);
		// A stripe of C, three pixels wide, inside A: its middle column is interior, so it is a domain.
		for (int y = 2; y < NY - 2; y++)
			for (int x = 2; x < 5; x++) s.labels[y * NX + x] = 2;
		assertArrayEquals(s.labels, SeamCleanup.regions(s.rows, s.labels, s.pixels, NX, NY));
	}

	@Test
	void aClusterWithNoInteriorAnywhereIsLeftToTheCaller() {
		final Scan s = scan(7);
		// C is only a two-pixel-wide band at the right edge: no interior pixel, but it is a cluster
		// the caller asked for; the count is not this step's to change.
		for (int i = 0; i < s.labels.length; i++) s.labels[i] = i % NX < 12 ? 0 : i % NX < 22 ? 1 : 2;
		assertArrayEquals(s.labels, SeamCleanup.regions(s.rows, s.labels, s.pixels, NX, NY));
	}

	@Test
	void rowsOutsideTheScanAreRefused() {
		final Scan s = scan(9);
		s.pixels[0] = NX * NY;
		assertThrows(IllegalArgumentException.class, () -> SeamCleanup.regions(s.rows, s.labels, s.pixels, NX, NY));
	}

	private record Scan(double[][] rows, int[] labels, int[] pixels) {}

	private static Scan scan(final long seed) {
		final SplittableRandom rng = new SplittableRandom(seed);
		final double[][] rows = new double[NX * NY][];
		final int[] labels = new int[NX * NY];
		final int[] pixels = new int[NX * NY];
		for (int i = 0; i < rows.length; i++) {
			pixels[i] = i;
			labels[i] = i % NX < 8 ? 0 : i % NX < 16 ? 1 : 2;
			rows[i] = new double[] { 10 * labels[i] + 0.5 * gaussian(rng), 0.5 * gaussian(rng) };
		}
		return new Scan(rows, labels, pixels);
	}

	private static double gaussian(final SplittableRandom rng) {
		return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
	}
}
