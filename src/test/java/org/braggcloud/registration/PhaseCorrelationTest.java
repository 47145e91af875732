package org.braggcloud.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PhaseCorrelationTest {

	private static final int NX = 48;
	private static final int NY = 36;

	/** Six seeded Gaussian blobs in the middle of the map, all displaced by (dy, dx). */
	private static float[] blobs(long seed, double dy, double dx) {
		SplittableRandom rng = new SplittableRandom(seed);
		float[] map = new float[NX * NY];
		for (int b = 0; b < 6; b++) {
			double cx = NX * (0.3 + 0.4 * rng.nextDouble()) + dx;
			double cy = NY * (0.3 + 0.4 * rng.nextDouble()) + dy;
			double sigma = 1.2 + 1.8 * rng.nextDouble();
			double amplitude = 0.5 + rng.nextDouble();
			for (int y = 0; y < NY; y++) {
				for (int x = 0; x < NX; x++) {
					double u = x - cx;
					double v = y - cy;
					map[y * NX + x] += (float) (amplitude * Math.exp(-(u * u + v * v) / (2 * sigma * sigma)));
				}
			}
		}
		return map;
	}

	@Test
	void integerShiftsAreExactWithoutSubpixel() {
		int[][] shifts = {{0, 0}, {1, 0}, {0, -1}, {2, 3}, {-3, 2}, {-4, -4}, {5, -2}};
		for (int[] s : shifts) {
			Shift r = PhaseCorrelation.estimate(blobs(11, 0, 0), blobs(11, s[0], s[1]), NX, NY, false);
			assertEquals(s[0], r.dy(), 0.0, "dy for " + s[0] + "," + s[1]);
			assertEquals(s[1], r.dx(), 0.0, "dx for " + s[0] + "," + s[1]);
			assertTrue(r.quality() > 0.95, "quality " + r.quality());
		}
	}

	@Test
	void subpixelShiftsWithinATenthOfAPixel() {
		SplittableRandom rng = new SplittableRandom(3);
		double worst = 0;
		for (int t = 0; t < 40; t++) {
			double dy = 6 * (rng.nextDouble() - 0.5);
			double dx = 6 * (rng.nextDouble() - 0.5);
			Shift r = PhaseCorrelation.estimate(blobs(t, 0, 0), blobs(t, dy, dx), NX, NY, true);
			worst = Math.max(worst, Math.max(Math.abs(r.dy() - dy), Math.abs(r.dx() - dx)));
		}
		System.out.printf("PhaseCorrelation, 40 sub-pixel shifts of smooth blobs: max error %.4f px%n", worst);
		assertTrue(worst < 0.1, "max error " + worst);
	}

	@Test
	void subpixelRefinementKeepsIntegerShifts() {
		Shift r = PhaseCorrelation.estimate(blobs(5, 0, 0), blobs(5, 2, -3), NX, NY, true);
		assertEquals(2, r.dy(), 0.02);
		assertEquals(-3, r.dx(), 0.02);
	}

	@Test
	void signConventionFollowsTheFeature() {
		// A feature at (y, x) in the reference appears at (y + dy, x + dx) in the moving map.
		float[] reference = new float[NX * NY];
		float[] moving = new float[NX * NY];
		reference[15 * NX + 20] = 1;
		moving[(15 + 2) * NX + (20 - 3)] = 1;
		Shift r = PhaseCorrelation.estimate(reference, moving, NX, NY, false);
		assertEquals(2, r.dy());
		assertEquals(-3, r.dx());
	}

	@Test
	void identicalMapsGiveZeroShiftAndFullQuality() {
		Shift r = PhaseCorrelation.estimate(blobs(2, 0, 0), blobs(2, 0, 0), NX, NY, true);
		assertEquals(0, r.dy(), 1e-3);
		assertEquals(0, r.dx(), 1e-3);
		assertEquals(1, r.quality(), 1e-6);
	}

	@Test
	void constantMapHasZeroQuality() {
		float[] flat = new float[NX * NY];
		java.util.Arrays.fill(flat, 7);
		assertEquals(0, PhaseCorrelation.estimate(blobs(1, 0, 0), flat, NX, NY, true).quality());
	}

	@Test
	void rejectsBadInput() {
		float[] ok = blobs(1, 0, 0);
		assertThrows(IllegalArgumentException.class, () -> PhaseCorrelation.estimate(ok, new float[3], NX, NY, true));
		float[] nan = ok.clone();
		nan[100] = Float.NaN;
		assertThrows(IllegalArgumentException.class, () -> PhaseCorrelation.estimate(ok, nan, NX, NY, true));
	}
}
