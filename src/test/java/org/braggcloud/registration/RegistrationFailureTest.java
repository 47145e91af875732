package org.braggcloud.registration;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.braggcloud.registration.DriftRegistration.Reference;
import org.braggcloud.simulation.SampleModel;
import org.junit.jupiter.api.Test;

class RegistrationFailureTest {

	private static final int NX = 40;
	private static final int NY = 30;

	private static List<float[]> xrfMaps() {
		SampleModel m = SimulatedMaps.model(NX, NY, SimulatedMaps.angles(15, 0.1), 4);
		return new ArrayList<>(SimulatedMaps.xrf(m, 4));
	}

	private static RegistrationException failure(List<float[]> maps, Reference kind) {
		RegistrationException ex = assertThrows(RegistrationException.class,
			() -> DriftRegistration.register(maps, NX, NY, kind, true));
		System.out.println(kind + ": " + ex.getMessage());
		return ex;
	}

	@Test
	void flatMapIsNamed() {
		for (Reference kind : Reference.values()) {
			List<float[]> maps = xrfMaps();
			float[] flat = new float[NX * NY];
			Arrays.fill(flat, 12.5f);
			maps.set(7, flat);
			String message = failure(maps, kind).getMessage();
			assertTrue(message.contains("angle 7") && message.contains("flat"), message);
			assertTrue(message.contains("align=false"), message);
		}
	}

	@Test
	void flatReferenceIsNamed() {
		List<float[]> maps = xrfMaps();
		maps.set(0, new float[NX * NY]);
		String message = failure(maps, Reference.XRF).getMessage();
		assertTrue(message.contains("angle 0") && message.contains("flat"), message);
	}

	@Test
	void nonFiniteAndMisshapenMapsAreNamed() {
		List<float[]> maps = xrfMaps();
		maps.get(3)[17] = Float.NaN;
		assertTrue(failure(maps, Reference.XRF).getMessage().contains("angle 3"));
		List<float[]> short5 = xrfMaps();
		short5.set(5, new float[10]);
		assertTrue(failure(short5, Reference.XRF).getMessage().contains("angle 5"));
		assertThrows(RegistrationException.class, () -> DriftRegistration.register(List.of(), NX, NY, Reference.XRF, true));
	}

	@Test
	void pureNoiseNeverGivesZeros() {
		SplittableRandom rng = new SplittableRandom(9);
		List<float[]> maps = new ArrayList<>();
		for (int a = 0; a < 15; a++) {
			float[] map = new float[NX * NY];
			for (int i = 0; i < map.length; i++) {
				map[i] = (float) (100 + 10 * rng.nextGaussian());
			}
			maps.add(map);
		}
		for (Reference kind : Reference.values()) {
			String message = failure(maps, kind).getMessage();
			assertTrue(message.contains("angle 0") && message.contains("no signal"), message);
		}
	}

	@Test
	void oneNoiseMapAmongGoodOnesIsNamed() {
		List<float[]> maps = xrfMaps();
		SplittableRandom rng = new SplittableRandom(2);
		float[] noise = new float[NX * NY];
		for (int i = 0; i < noise.length; i++) {
			noise[i] = (float) (5 + 2 * rng.nextGaussian());
		}
		maps.set(9, noise);
		String message = failure(maps, Reference.XRF).getMessage();
		assertTrue(message.contains("angle 9"), message);
	}

	/**
	 * Clear signal in every map, but a different picture at each angle. Sparse blobs still
	 * match by chance (one blob on another) with qualities up to 0.66, so it is the disagreement
	 * between pairs that must catch this, if the peaks are not weak already.
	 */
	@Test
	void unrelatedMapsAreRefused() {
		SplittableRandom rng = new SplittableRandom(5);
		List<float[]> maps = new ArrayList<>();
		for (int a = 0; a < 15; a++) {
			float[] map = new float[NX * NY];
			for (int b = 0; b < 8; b++) {
				double cx = 5 + (NX - 10) * rng.nextDouble();
				double cy = 5 + (NY - 10) * rng.nextDouble();
				for (int y = 0; y < NY; y++) {
					for (int x = 0; x < NX; x++) {
						double r2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
						map[y * NX + x] += (float) (1000 * Math.exp(-r2 / 4));
					}
				}
			}
			for (int i = 0; i < map.length; i++) {
				map[i] += (float) (10 * rng.nextGaussian());
			}
			maps.add(map);
		}
		for (Reference kind : Reference.values()) {
			String message = failure(maps, kind).getMessage();
			assertTrue((message.contains("too weak") || message.contains("disagree"))
				&& message.matches(".*angle \\d+.*"), message);
		}
	}

	@Test
	void tooSmallMapsAreRefused() {
		List<float[]> maps = List.of(new float[9], new float[9]);
		assertThrows(RegistrationException.class, () -> DriftRegistration.register(maps, 3, 3, Reference.XRF, true));
	}
}
