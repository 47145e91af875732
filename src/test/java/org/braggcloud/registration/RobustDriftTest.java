package org.braggcloud.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RobustDriftTest {

	private static final double[][] TRUTH = {{0, 0}, {0.5, -0.25}, {1.0, -0.75}, {1.25, -1.5}, {1.0, -2.0}};

	private static List<PairShift> exactPairs(int band) {
		List<PairShift> pairs = new ArrayList<>();
		for (int i = 0; i < TRUTH.length; i++) {
			for (int j = i + 1; j <= Math.min(TRUTH.length - 1, i + band); j++) {
				pairs.add(new PairShift(i, j, new Shift(TRUTH[j][0] - TRUTH[i][0], TRUTH[j][1] - TRUTH[i][1], 0.9)));
			}
		}
		return pairs;
	}

	@Test
	void exactPairsGiveExactDrifts() throws RegistrationException {
		double[][] d = RobustDrift.solve(TRUTH.length, exactPairs(2), 40, 30, true);
		for (int a = 0; a < TRUTH.length; a++) {
			assertEquals(TRUTH[a][0], d[a][0], 1e-9);
			assertEquals(TRUTH[a][1], d[a][1], 1e-9);
		}
	}

	@Test
	void aWrongPeakIsOutvoted() throws RegistrationException {
		List<PairShift> pairs = exactPairs(2);
		PairShift wrong = pairs.get(2); // (1, 2)
		pairs.set(2, new PairShift(wrong.from(), wrong.to(), new Shift(wrong.shift().dy() + 3, wrong.shift().dx(), 0.9)));
		double[][] d = RobustDrift.solve(TRUTH.length, pairs, 40, 30, true);
		for (int a = 0; a < TRUTH.length; a++) {
			assertEquals(TRUTH[a][0], d[a][0], 1e-9);
			assertEquals(TRUTH[a][1], d[a][1], 1e-9);
		}
	}

	@Test
	void anAngleWithOnlyWeakPairsIsNamed() {
		List<PairShift> pairs = new ArrayList<>();
		for (PairShift p : exactPairs(2)) {
			boolean touches3 = p.from() == 3 || p.to() == 3;
			pairs.add(touches3 ? new PairShift(p.from(), p.to(), new Shift(p.shift().dy(), p.shift().dx(), 0.1)) : p);
		}
		RegistrationException ex = assertThrows(RegistrationException.class,
			() -> RobustDrift.solve(TRUTH.length, pairs, 40, 30, true));
		assertTrue(ex.getMessage().contains("angle 3") && ex.getMessage().contains("too weak"), ex.getMessage());
	}
}
