package org.braggcloud.correction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ParticleMaskTest {

	private static final long BOXES = 20_000;

	@Test
	void seedsGrowIntoWeakNeighboursButWeakPointsAloneStayOut() {
		final double seed = ParticleMask.criticalZ(ParticleMask.SEED_FALSE_ALARM, BOXES);
		final double grow = ParticleMask.criticalZ(ParticleMask.GROW_FALSE_ALARM, BOXES);
		assertTrue(grow < seed);
		final float s = (float) seed + 1, w = (float) (0.5 * (seed + grow)), o = (float) grow - 0.5f;
		// 5 x 3: a seed with a weak rim to its right, a lone weak point far away, background elsewhere.
		final float[] z = {
			s, w, w, o, w,
			o, o, o, o, o,
			o, o, o, o, o };
		final boolean[] mask = ParticleMask.fromEvidence(new ScanEvidence(new float[15], z, new float[15], BOXES), 5, 3);
		assertArrayEquals(new boolean[] {
			true, true, true, false, false,
			false, false, false, false, false,
			false, false, false, false, false }, mask);
	}

	@Test
	void aParticleMayFillTheScan() {
		final float[] z = new float[12];
		java.util.Arrays.fill(z, 50);
		for (final boolean m : ParticleMask.fromEvidence(new ScanEvidence(new float[12], z, new float[12], BOXES), 4, 3))
			assertTrue(m);
	}

	@Test
	void pureBackgroundGivesAnEmptyMask() {
		final float[] z = new float[12];
		java.util.Arrays.fill(z, 3);
		for (final boolean m : ParticleMask.fromEvidence(new ScanEvidence(new float[12], z, new float[12], BOXES), 4, 3))
			assertFalse(m);
	}
}
