package org.braggcloud.simulation;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Detector columns and rows that always read 0: module gaps and dead readout lines. Half of the
 * lines of each axis (rounded up) form one adjacent block, as a gap between detector modules
 * does; the rest are single lines at random positions.
 */
final class DeadDetectorLines {

	private final int[] columns;
	private final int[] rows;
	private final int detectorColumns;

	private DeadDetectorLines(int[] columns, int[] rows, int detectorColumns) {
		this.columns = columns;
		this.rows = rows;
		this.detectorColumns = detectorColumns;
	}

	static DeadDetectorLines create(SplittableRandom rng, int detectorRows, int detectorColumns,
									int deadColumns, int deadRows) {
		int[] c = pick(rng, detectorColumns, deadColumns);
		int[] r = pick(rng, detectorRows, deadRows);
		return new DeadDetectorLines(c, r, detectorColumns);
	}

	private static int[] pick(SplittableRandom rng, int size, int count) {
		boolean[] dead = new boolean[size];
		int block = (count + 1) / 2;
		if (block > 0) {
			int start = rng.nextInt(size - block + 1);
			Arrays.fill(dead, start, start + block, true);
		}
		int placed = block;
		while (placed < count) {
			int i = rng.nextInt(size);
			if (!dead[i]) {
				dead[i] = true;
				placed++;
			}
		}
		int[] lines = new int[count];
		int n = 0;
		for (int i = 0; i < size; i++) {
			if (dead[i]) {
				lines[n++] = i;
			}
		}
		return lines;
	}

	/** Sets the dead lines of a row-major frame to 0. */
	void apply(float[] frame) {
		for (int r : rows) {
			Arrays.fill(frame, r * detectorColumns, (r + 1) * detectorColumns, 0f);
		}
		for (int c : columns) {
			for (int i = c; i < frame.length; i += detectorColumns) {
				frame[i] = 0f;
			}
		}
	}

	boolean isEmpty() {
		return columns.length == 0 && rows.length == 0;
	}

	int[] columns() {
		return columns.clone();
	}

	int[] rows() {
		return rows.clone();
	}
}
