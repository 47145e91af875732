package org.braggcloud.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The plane grid's layout: first coordinate outer, both spanning [-0.3, 0.3] in 45 steps. */
class FoldingGridTest {

	@Test
	void planeIsFortyFiveSquaredWithFirstCoordinateOuter() {
		final float[] g = FoldingGrid.plane();
		assertEquals(2025 * 2, g.length);
		assertEquals(-0.3f, g[0]);
		assertEquals(-0.3f, g[1]);
		assertEquals(-0.3f, g[2]); // point 1: same first coordinate
		assertEquals((float) (-0.3 + 0.6 / 44), g[3]);
		assertEquals((float) (-0.3 + 0.6 / 44), g[2 * 45]); // point 45: next row
		assertEquals(-0.3f, g[2 * 45 + 1]);
		assertEquals(0.3f, g[g.length - 2]);
		assertEquals(0.3f, g[g.length - 1]);
		assertEquals(0f, g[2 * (22 * 45 + 22)], 1e-7f);
	}
}
