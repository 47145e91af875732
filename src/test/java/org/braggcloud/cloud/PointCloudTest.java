package org.braggcloud.cloud;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PointCloudTest {

	private static PointCloud three() {
		return PointCloud.of(new float[] {0, 0, 0, 2, 0, 0, 0, 4, 0}, new float[] {1, 1, 2});
	}

	@Test
	void accessorsAndCentroids() {
		final PointCloud c = three();
		assertEquals(3, c.size());
		assertEquals(2, c.x(1));
		assertEquals(4, c.y(2));
		assertEquals(0, c.z(2));
		assertEquals(2, c.value(2));
		assertArrayEquals(new double[] {2 / 3.0, 4 / 3.0, 0}, c.centroid(), 1e-12);
		assertArrayEquals(new double[] {0.5, 2, 0}, c.weightedCentroid(), 1e-12);
	}

	@Test
	void isImmutable() {
		final float[] p = {1, 2, 3};
		final float[] v = {5};
		final PointCloud c = PointCloud.of(p, v);
		p[0] = 9;
		v[0] = 9;
		c.positions()[1] = 9;
		c.values()[0] = 9;
		assertArrayEquals(new float[] {1, 2, 3}, c.positions());
		assertArrayEquals(new float[] {5}, c.values());
	}

	@Test
	void defaultValuesAreOne() {
		assertArrayEquals(new float[] {1, 1}, PointCloud.of(new float[6]).values());
	}

	@Test
	void subsetKeepsOrderAndValuesAndAllowsRepeats() {
		final PointCloud s = three().subset(new int[] {2, 0, 2});
		assertArrayEquals(new float[] {0, 4, 0, 0, 0, 0, 0, 4, 0}, s.positions());
		assertArrayEquals(new float[] {2, 1, 2}, s.values());
		assertThrows(IndexOutOfBoundsException.class, () -> three().subset(new int[] {3}));
	}

	@Test
	void withPositionsKeepsValues() {
		final PointCloud m = three().withPositions(new float[9]);
		assertArrayEquals(new float[] {1, 1, 2}, m.values());
		assertThrows(IllegalArgumentException.class, () -> three().withPositions(new float[6]));
	}

	@Test
	void emptyAndInvalid() {
		assertTrue(PointCloud.empty().isEmpty());
		assertTrue(PointCloud.of(new float[0]).isEmpty());
		assertThrows(IllegalStateException.class, () -> PointCloud.empty().centroid());
		assertThrows(IllegalStateException.class, () -> PointCloud.of(new float[3], new float[1]).weightedCentroid());
		assertThrows(IllegalArgumentException.class, () -> PointCloud.of(new float[4]));
		assertThrows(IllegalArgumentException.class, () -> PointCloud.of(new float[6], new float[1]));
		assertThrows(IllegalArgumentException.class, () -> PointCloud.of(new float[] {0, Float.NaN, 0}));
	}
}
