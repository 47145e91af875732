package org.braggcloud.correction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PoissonEvidenceTest {

	@Test
	void normalTailAndQuantileMatchTables() {
		assertEquals(0.5, PoissonEvidence.upperTail(0), 1e-12);
		assertEquals(0.158655254, PoissonEvidence.upperTail(1), 1e-9);
		assertEquals(1.349898e-3, PoissonEvidence.upperTail(3), 1e-9);
		assertEquals(2.866516e-7, PoissonEvidence.upperTail(5), 1e-12);
		assertEquals(1.959964, PoissonEvidence.criticalZ(0.025), 1e-5);
		assertEquals(4.753424, PoissonEvidence.criticalZ(1e-6), 1e-5);
		assertThrows(IllegalArgumentException.class, () -> PoissonEvidence.criticalZ(0.7));
	}

	@Test
	void likelihoodRatioDeviateIsSignedAndBoundedByTheGaussianOne() {
		assertEquals(0, PoissonEvidence.z(5, 5), 1e-12);
		assertTrue(PoissonEvidence.z(2, 5) < 0);
		for (final double e : new double[] { 0.05, 0.5, 5, 50 })
			for (final double s : new double[] { 1, 3, 10, 100 })
				if (s > e) assertTrue(PoissonEvidence.z(s, e) <= PoissonEvidence.gaussianBound(s, e) + 1e-12);
		// At large counts the two agree: the Poisson is nearly Gaussian.
		assertEquals(PoissonEvidence.gaussianBound(10300, 10000), PoissonEvidence.z(10300, 10000), 0.05);
	}

	@Test
	void deviateTailMatchesTheExactPoissonTailAtSmallMeans() {
		// Exact P(X >= S | E) for three small-mean cases; the deviate's normal tail is within a factor 3 of each.
		final double[][] cases = { { 6, 0.5, 1.41649e-5 }, { 30, 12, 8.87014e-6 }, { 3, 0.05, 2.00675e-5 } };
		for (final double[] c : cases) {
			final double tail = PoissonEvidence.upperTail(PoissonEvidence.z(c[0], c[1]));
			assertTrue(tail > c[2] / 3 && tail < c[2] * 3, "S " + c[0] + " E " + c[1] + ": " + tail + " vs exact " + c[2]);
		}
	}
}
