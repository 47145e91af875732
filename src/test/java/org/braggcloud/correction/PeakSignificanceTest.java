package org.braggcloud.correction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The per-volume evidence on volumes drawn from known Poisson models: pure background must seed
 * the mask no more often than its stated false-alarm chance, at every background level; a weak
 * peak must; and the volume's own background level must come out right with the peak in it.
 */
class PeakSignificanceTest {

	private static final int ROWS = 32, COLUMNS = 32, ANGLES = 12, PLANE = ROWS * COLUMNS;

	/** A detector pattern with a gradient, a warm pixel and a dead column, as real detectors have. */
	private static float[] pattern(final double level) {
		final float[] g = new float[PLANE];
		for (int r = 0; r < ROWS; r++)
			for (int c = 0; c < COLUMNS; c++)
				g[r * COLUMNS + c] = c == 7 ? 0 : (float) (level * (0.8 + 0.4 * r / (ROWS - 1.0)));
		g[5 * COLUMNS + 20] = (float) (level * 30);
		return g;
	}

	private static boolean[] valid() {
		final boolean[] v = new boolean[PLANE];
		for (int p = 0; p < PLANE; p++)
			v[p] = p % COLUMNS != 7;
		return v;
	}

	private static float[] volume(final float[] g, final double scale, final double peakMax, final SplittableRandom rng) {
		final float[] v = new float[PLANE * ANGLES];
		for (int a = 0; a < ANGLES; a++)
			for (int r = 0; r < ROWS; r++)
				for (int c = 0; c < COLUMNS; c++) {
					final double dr = (r - 15.3) / 2.0, dc = (c - 18.6) / 2.0, da = (a - 5.4) / 1.2;
					final double mean = scale * g[r * COLUMNS + c] + peakMax * Math.exp(-0.5 * (dr * dr + dc * dc + da * da));
					v[(a * ROWS + r) * COLUMNS + c] = c == 7 ? 0 : poisson(mean, rng);
				}
		return v;
	}

	private static float poisson(final double mean, final SplittableRandom rng) {
		if (mean > 50) return (float) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(rng)));
		final double limit = Math.exp(-mean);
		double p = 1;
		int k = -1;
		do {
			k++;
			p *= rng.nextDouble();
		} while (p > limit);
		return k;
	}

	private static double gaussian(final SplittableRandom rng) {
		return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
	}

	@Test
	void pureBackgroundSeedsTheMaskNoMoreOftenThanStatedAtAnyLevel() {
		final double seed = ParticleMask.criticalZ(ParticleMask.SEED_FALSE_ALARM, (long) PLANE * ANGLES);
		final double grow = ParticleMask.criticalZ(ParticleMask.GROW_FALSE_ALARM, (long) PLANE * ANGLES);
		final SplittableRandom rng = new SplittableRandom(3);
		for (final double level : new double[] { 0.003, 0.03, 0.3, 3 }) {
			final float[] g = pattern(level);
			final PeakSignificance s = new PeakSignificance(ROWS, COLUMNS, ANGLES, g, valid());
			int seeds = 0, grows = 0;
			double levelSum = 0;
			final int n = 200;
			for (int i = 0; i < n; i++) {
				// The scan point's own level varies (fluorescence), the pattern is known at level 1.
				final double scale = 0.5 + rng.nextDouble();
				final PeakSignificance.Result r = s.measure(volume(g, scale, 0, rng));
				if (r.z() > seed) seeds++;
				if (r.z() > grow) grows++;
				levelSum += r.level() / scale;
			}
			// Stated chances 1e-3 and 0.05 per volume: over 200 volumes, 0.2 and 10 expected.
			assertTrue(seeds <= 2, "level " + level + ": " + seeds + " of " + n + " background volumes seeded the mask");
			assertTrue(grows <= 22, "level " + level + ": " + grows + " of " + n + " background volumes would join the mask");
			assertEquals(1, levelSum / n, 0.05, "mean estimated level / true level at " + level);
		}
	}

	@Test
	void aWeakPeakIsFoundAndLeavesTheLevelUnbiased() {
		final double seed = ParticleMask.criticalZ(ParticleMask.SEED_FALSE_ALARM, (long) PLANE * ANGLES);
		final SplittableRandom rng = new SplittableRandom(5);
		for (final double level : new double[] { 0.01, 0.1, 1 }) {
			final float[] g = pattern(level);
			final PeakSignificance s = new PeakSignificance(ROWS, COLUMNS, ANGLES, g, valid());
			int found = 0;
			double ratio = 0;
			for (int i = 0; i < 40; i++) {
				// Peak maximum ten times the background per voxel, the weakest regime we promise to handle.
				final PeakSignificance.Result r = s.measure(volume(g, 1.5, 10 * Math.max(level, 0.1) * 1.5, rng));
				if (r.z() > seed) found++;
				ratio += r.level() / 1.5 / 40;
			}
			assertEquals(40, found, "level " + level);
			// The peak holds a few hundred counts; left in, it would raise the level by 5-50 %. Left out with
			// its boxes, it biases the level by a few per cent at most (boxes of upward noise go with it).
			assertEquals(1, ratio, 0.05, "estimated / true level at " + level);
		}
	}

	@Test
	void significantBoxesCoverThePeakCoreAndHardlyAnyBackground() {
		final SplittableRandom rng = new SplittableRandom(9);
		final float[] g = pattern(1);
		final PeakSignificance s = new PeakSignificance(ROWS, COLUMNS, ANGLES, g, valid());
		final float[] net = new float[PLANE * ANGLES];
		int inCore = 0, far = 0, core = 0;
		final int n = 20;
		for (int i = 0; i < n; i++) {
			s.significantBoxes(volume(g, 1, 10, rng), 1, net);
			for (int a = 0; a < ANGLES; a++)
				for (int r = 0; r < ROWS; r++)
					for (int c = 0; c < COLUMNS; c++) {
						final double dr = (r - 15.3) / 2.0, dc = (c - 18.6) / 2.0, da = (a - 5.4) / 1.2;
						final double d2 = dr * dr + dc * dc + da * da;
						if (d2 <= 1) core++;
						if (net[(a * ROWS + r) * COLUMNS + c] <= 0) continue;
						if (d2 <= 1) inCore++;
						if (d2 > 25) far++;
					}
		}
		// The core (within one sigma) holds counts of 6 to 11 over a background of 1: the box rule finds nearly all of it.
		assertTrue(inCore >= 0.95 * core, inCore + " of " + core + " core voxels over " + n + " volumes");
		// The one-false-box bound: at most about one stray voxel per volume far from the peak.
		assertTrue(far <= 3 * n, far + " voxels far from the peak over " + n + " volumes");
	}
}
