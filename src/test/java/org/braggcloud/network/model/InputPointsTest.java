package org.braggcloud.network.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.braggcloud.cloud.PointCloud;
import org.junit.jupiter.api.Test;

class InputPointsTest {

	private static PointCloud line(final int n) {
		final float[] xyz = new float[3 * n];
		for (int i = 0; i < n; i++) xyz[3 * i] = i;
		return PointCloud.of(xyz);
	}

	@Test
	void storedReadsACloudOfTheRightSizeAsStored() {
		final PointCloud c = line(4);
		assertArrayEquals(c.positions(), InputPoints.STORED.select(c, 4, 7));
	}

	@Test
	void storedCutsALargerCloudToASeededRandomSubsetNotItsFirstPoints() {
		final float[] a = InputPoints.STORED.select(line(1000), 10, 7);
		assertArrayEquals(a, InputPoints.STORED.select(line(1000), 10, 7));
		double largest = 0;
		for (int i = 0; i < 10; i++) largest = Math.max(largest, a[3 * i]);
		// the first ten points would all lie below 10: a random subset reaches across the cloud
		assertTrue(largest > 500, "largest x " + largest);
	}

	@Test
	void storedRepeatsASmallCloudFromItsStart() {
		final float[] xyz = InputPoints.STORED.select(line(3), 7, 7);
		final float[] xs = new float[7];
		for (int i = 0; i < 7; i++) xs[i] = xyz[3 * i];
		assertArrayEquals(new float[] { 0, 1, 2, 0, 1, 2, 0 }, xs);
	}

	@Test
	void farthestCoversTheCloudAndIsSeeded() {
		final float[] a = InputPoints.FARTHEST.select(line(100), 10, 3);
		assertArrayEquals(a, InputPoints.FARTHEST.select(line(100), 10, 3));
		final float[] xs = new float[10];
		for (int i = 0; i < 10; i++) xs[i] = a[3 * i];
		Arrays.sort(xs);
		// even cover: the two ends of the line are both taken
		assertEquals(0, xs[0]);
		assertEquals(99, xs[9]);
	}
}
