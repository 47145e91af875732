package org.braggcloud.correction;

/**
 * Sums of a Bragg-peak volume over a box centred on every voxel, clipped at the volume's faces,
 * computed axis by axis with running sums: a cost of a few operations per voxel whatever the box.
 * Layout as everywhere in the project: index = (angle * rows + row) * columns + column.
 * <p>
 * Not thread-safe: one instance per thread (it keeps a line buffer).
 */
final class VolumeBoxSum {

	private final int rows, columns, angles;
	private final double[] line;

	VolumeBoxSum(final int rows, final int columns, final int angles) {
		this.rows = rows;
		this.columns = columns;
		this.angles = angles;
		this.line = new double[Math.max(rows, Math.max(columns, angles)) + 1];
	}

	/**
	 * Replaces {@code v} by its box sums, half-widths in rows, columns and angles (0 = no summing
	 * along that axis).
	 */
	void apply(final float[] v, final int halfRows, final int halfColumns, final int halfAngles) {
		final int plane = rows * columns;
		if (halfColumns > 0)
			for (int a = 0; a < angles; a++)
				for (int r = 0; r < rows; r++)
					sumLine(v, (a * rows + r) * columns, 1, columns, halfColumns);
		if (halfRows > 0)
			for (int a = 0; a < angles; a++)
				for (int c = 0; c < columns; c++)
					sumLine(v, a * plane + c, columns, rows, halfRows);
		if (halfAngles > 0)
			for (int p = 0; p < plane; p++)
				sumLine(v, p, plane, angles, halfAngles);
	}

	/** Same for one detector plane (rows x columns). */
	void applyPlane(final float[] v, final int halfRows, final int halfColumns) {
		if (halfColumns > 0)
			for (int r = 0; r < rows; r++)
				sumLine(v, r * columns, 1, columns, halfColumns);
		if (halfRows > 0)
			for (int c = 0; c < columns; c++)
				sumLine(v, c, columns, rows, halfRows);
	}

	private void sumLine(final float[] v, final int start, final int stride, final int n, final int half) {
		line[0] = 0;
		for (int i = 0; i < n; i++)
			line[i + 1] = line[i] + v[start + i * stride];
		for (int i = 0; i < n; i++) {
			final int lo = Math.max(0, i - half), hi = Math.min(n - 1, i + half);
			v[start + i * stride] = (float) (line[hi + 1] - line[lo]);
		}
	}
}
