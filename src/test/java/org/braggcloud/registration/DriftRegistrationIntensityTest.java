package org.braggcloud.registration;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.braggcloud.registration.DriftRegistration.Reference;
import org.braggcloud.simulation.SampleModel;
import org.junit.jupiter.api.Test;

class DriftRegistrationIntensityTest {

	/**
	 * Maps summed over every detector pixel but the hot ones, as the plugin makes them. 15
	 * angles 0.04 deg apart: the central angles light the whole particle, the outer ones only
	 * the domains whose rocking curves reach them.
	 */
	@Test
	void recoversDriftOfEveryAngleFromIntensityMaps() throws RegistrationException {
		double[] angles = SimulatedMaps.angles(15, 0.04);
		double worst = 0;
		for (long seed = 1; seed <= 4; seed++) {
			SampleModel m = SimulatedMaps.model(40, 30, angles, seed);
			List<float[]> maps = SimulatedMaps.intensity(m, seed, true);
			double e = SimulatedMaps.maxError(DriftRegistration.register(maps, 40, 30, Reference.INTENSITY, true), m);
			System.out.printf("INTENSITY 40x30, 15 angles of 0.04 deg, seed %d: max drift error %.3f px%n", seed, e);
			worst = Math.max(worst, e);
		}
		System.out.printf("INTENSITY 40x30, 15 angles of 0.04 deg, 4 seeds: max drift error %.3f px%n", worst);
		assertTrue(worst < 0.5, "max error " + worst);
	}

	/**
	 * Raw sums with the hot pixels in: each adds its Poisson noise (up to 70 counts a frame)
	 * and, when it misses a frame, a dip of up to 5000 counts. Those angles whose signal does
	 * not clear that noise must raise an exception; the others must still be close.
	 */
	@Test
	void hotPixelsInTheSumsGiveAnExceptionOrCloseDrifts() {
		double[] angles = SimulatedMaps.angles(15, 0.03);
		for (long seed = 1; seed <= 4; seed++) {
			SampleModel m = SimulatedMaps.model(40, 30, angles, seed);
			List<float[]> maps = SimulatedMaps.intensity(m, seed, false);
			try {
				double e = SimulatedMaps.maxError(DriftRegistration.register(maps, 40, 30, Reference.INTENSITY, true), m);
				System.out.printf("INTENSITY with hot pixels, 15 angles of 0.03 deg, seed %d: max drift error %.3f px%n",
					seed, e);
				assertTrue(e < 0.75, "seed " + seed + ": max error " + e);
			} catch (RegistrationException ex) {
				System.out.printf("INTENSITY with hot pixels, seed %d: %s%n", seed, ex.getMessage());
				assertTrue(ex.getMessage().matches(".*angle \\d+.*"), ex.getMessage());
			}
		}
	}

	/** At 0.1 deg steps the outer angles miss every rocking curve: their maps are noise. */
	@Test
	void anglesWhereNothingDiffractsRaiseAnException() {
		double[] angles = SimulatedMaps.angles(15, 0.1);
		SampleModel m = SimulatedMaps.model(40, 30, angles, 2);
		List<float[]> maps = SimulatedMaps.intensity(m, 2, true);
		RegistrationException ex = assertThrows(RegistrationException.class,
			() -> DriftRegistration.register(maps, 40, 30, Reference.INTENSITY, true));
		System.out.println("INTENSITY at 0.1 deg steps: " + ex.getMessage());
		assertTrue(ex.getMessage().contains("angle 0"), ex.getMessage());
		assertTrue(ex.getMessage().contains("align=false"), ex.getMessage());
	}
}
