package org.braggcloud.registration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.braggcloud.registration.DriftRegistration.Reference;
import org.braggcloud.simulation.SampleModel;
import org.junit.jupiter.api.Test;

class DriftRegistrationXrfTest {

	private static final double[] ANGLES = SimulatedMaps.angles(15, 0.1);

	@Test
	void recoversDriftOfEveryAngleFromXrfMaps() throws RegistrationException {
		double worst = 0;
		for (long seed = 1; seed <= 8; seed++) {
			SampleModel m = SimulatedMaps.model(40, 30, ANGLES, seed);
			double[][] d = DriftRegistration.register(SimulatedMaps.xrf(m, seed), 40, 30, Reference.XRF, true);
			assertEquals(ANGLES.length, d.length);
			assertArrayEquals(new double[] {0, 0}, d[0]);
			double e = SimulatedMaps.maxError(d, m);
			System.out.printf("XRF 40x30, 15 angles, seed %d: max drift error %.3f px%n", seed, e);
			worst = Math.max(worst, e);
		}
		System.out.printf("XRF 40x30, 15 angles, 8 seeds: max drift error %.3f px%n", worst);
		assertTrue(worst < 0.15, "max error " + worst);
	}

	@Test
	void wholePixelDriftsAreIntegersWithinRounding() throws RegistrationException {
		for (long seed = 1; seed <= 3; seed++) {
			SampleModel m = SimulatedMaps.model(40, 30, ANGLES, seed);
			double[][] d = DriftRegistration.register(SimulatedMaps.xrf(m, seed), 40, 30, Reference.XRF, false);
			for (double[] s : d) {
				assertEquals(Math.rint(s[0]), s[0], 0.0);
				assertEquals(Math.rint(s[1]), s[1], 0.0);
			}
			assertTrue(SimulatedMaps.maxError(d, m) <= 0.75, "whole-pixel error " + SimulatedMaps.maxError(d, m));
		}
	}

	@Test
	void singleMapHasNoDrift() throws RegistrationException {
		SampleModel m = SimulatedMaps.model(40, 30, ANGLES, 1);
		double[][] d = DriftRegistration.register(List.of(SimulatedMaps.xrf(m, 1).get(0)), 40, 30, Reference.XRF, true);
		assertArrayEquals(new double[][] {{0, 0}}, d);
	}

	@Test
	void timing() throws RegistrationException {
		for (int[] size : new int[][] {{40, 30}, {200, 140}}) {
			int nx = size[0];
			int ny = size[1];
			SampleModel m = SimulatedMaps.model(nx, ny, SimulatedMaps.angles(21, 0.05), 3);
			List<float[]> maps = SimulatedMaps.xrf(m, 3);
			for (Reference kind : Reference.values()) {
				DriftRegistration.register(maps, nx, ny, kind, true); // warm-up
				long t0 = System.nanoTime();
				double[][] d = DriftRegistration.register(maps, nx, ny, kind, true);
				long t1 = System.nanoTime();
				// INTENSITY here runs on the XRF maps: its cost does not depend on what they show.
				System.out.printf("register(%s) %dx%d, 21 angles: %.0f ms (%d cores), max error %.3f px%n", kind,
					nx, ny, (t1 - t0) / 1e6, Runtime.getRuntime().availableProcessors(), SimulatedMaps.maxError(d, m));
				assertTrue(SimulatedMaps.maxError(d, m) < 0.25);
			}
		}
	}
}
