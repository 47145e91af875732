package org.braggcloud.clustering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class AdjustedRandIndexTest {

	@Test
	void handComputedCases() {
		// Contingency [[2,1,0],[0,1,2]]: index 2, row pairs 6, column pairs 3, C(6,2) = 15:
		// expected 6*3/15 = 1.2, max 4.5, ARI = 0.8 / 3.3.
		assertEquals(0.8 / 3.3, AdjustedRandIndex.of(new int[] {0, 0, 0, 1, 1, 1}, new int[] {0, 0, 1, 1, 2, 2}), 1e-12);
		// Crossed halves: index 0, expected 2*2/6, max 2: ARI = -(2/3) / (4/3) = -0.5.
		assertEquals(-0.5, AdjustedRandIndex.of(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}), 1e-12);
		// Same partition under other label numbers.
		assertEquals(1.0, AdjustedRandIndex.of(new int[] {0, 0, 1, 1, 2}, new int[] {7, 7, 3, 3, -1}), 1e-12);
		// Symmetric.
		assertEquals(AdjustedRandIndex.of(new int[] {0, 0, 1, 2, 2, 2}, new int[] {1, 0, 0, 1, 1, 1}),
			AdjustedRandIndex.of(new int[] {1, 0, 0, 1, 1, 1}, new int[] {0, 0, 1, 2, 2, 2}), 1e-15);
	}

	@Test
	void independentPartitionsScoreNearZero() {
		final SplittableRandom r = new SplittableRandom(3);
		final int[] a = new int[20000], b = new int[20000];
		for (int i = 0; i < a.length; i++) {
			a[i] = r.nextInt(5);
			b[i] = r.nextInt(4);
		}
		assertTrue(Math.abs(AdjustedRandIndex.of(a, b)) < 0.01);
		assertThrows(IllegalArgumentException.class, () -> AdjustedRandIndex.of(new int[2], new int[3]));
	}
}
