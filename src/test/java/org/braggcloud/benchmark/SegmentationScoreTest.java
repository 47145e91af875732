package org.braggcloud.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SegmentationScoreTest {

	@Test
	void maskIoUCountsThePointsOfEitherMask() {
		final int[] truth = { 0, 1, 1, 2, 0 };
		final boolean[] mask = { true, true, true, false, false };
		assertEquals(2.0 / 4, SegmentationScore.maskIoU(mask, truth), 1e-12);
		assertEquals(1, SegmentationScore.maskIoU(new boolean[3], new int[3]));
	}

	@Test
	void ariIgnoresPointsOutsideEitherMapAndRenamedLabels() {
		final int[] truth = { 0, 1, 1, 2, 2, 2 };
		// point 0 lies outside the particle, point 5 outside the cluster map: neither counts
		final int[] labels = { 3, 7, 7, 4, 4, 0 };
		assertEquals(1, SegmentationScore.adjustedRandIndex(truth, labels), 1e-12);
		assertTrue(SegmentationScore.adjustedRandIndex(truth, new int[] { 1, 1, 2, 1, 2, 1 }) < 1);
		assertTrue(Double.isNaN(SegmentationScore.adjustedRandIndex(truth, new int[6])), "no common point");
		assertThrows(IllegalArgumentException.class, () -> SegmentationScore.adjustedRandIndex(truth, new int[2]));
	}
}
