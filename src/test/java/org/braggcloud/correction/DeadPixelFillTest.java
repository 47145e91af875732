package org.braggcloud.correction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DeadPixelFillTest {

	@Test
	void aTwoColumnGapIsFilledLinearlyAlongRowsAndNeverFromAHotPixel() {
		final int rows = 5, columns = 8;
		final boolean[] missing = new boolean[rows * columns];
		for (int r = 0; r < rows; r++) {
			missing[r * columns + 3] = true;
			missing[r * columns + 4] = true;
		}
		missing[0 * columns + 5] = true; // a hot pixel beside the gap
		final float[] frame = new float[rows * columns];
		for (int r = 0; r < rows; r++)
			for (int c = 0; c < columns; c++)
				frame[r * columns + c] = missing[r * columns + c] ? (c == 5 ? 5000 : 0) : 10 * c;
		final DeadPixelFill fill = new DeadPixelFill(rows, columns, missing);
		final float[] volume = new float[2 * frame.length];
		System.arraycopy(frame, 0, volume, 0, frame.length);
		System.arraycopy(frame, 0, volume, frame.length, frame.length);
		fill.fill(volume);
		// Row 2: neighbours at columns 2 (20) and 5 (50), 1 and 2 pixels from column 3, plus the
		// column's good pixels above and below, which the gap has none of: (20/1 + 50/2) / (1 + 1/2) = 30.
		assertEquals(30, volume[2 * columns + 3], 1e-4);
		assertEquals(40, volume[frame.length + 2 * columns + 4], 1e-4);
		// Row 0: the hot pixel at column 5 is skipped; the next good pixel is column 6 (60).
		assertEquals((20f / 1 + 60f / 3) / (1 + 1f / 3), volume[3], 1e-4);
		assertEquals(10 * 2, volume[2 * columns + 2], 0, "good pixels are untouched");
	}
}
