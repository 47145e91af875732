package org.braggcloud.correction;

import java.io.IOException;
import java.util.Arrays;

import org.braggcloud.scan.RockingScan;

/**
 * Detector pixels that read high in nearly every frame (hot or noisy pixels), found once per scan.
 * <p>
 * Rule: from a sample of frames spread evenly over scan points and angles, take b, the median
 * over detector pixels of their mean count. A pixel is hot when it reads at least
 * {@code L = max(10, b + 10 sqrt(b))} counts in at least 90 % of the sampled frames. A Bragg peak
 * cannot pass this test: it lights a detector pixel only at scan points on the particle and at
 * angles near its rocking peak, far fewer than 90 % of frames.
 */
public final class HotPixels implements java.io.Serializable {

	private static final long serialVersionUID = 1L;


	/** Share of frames in which a pixel must read high to count as hot. */
	public static final double HOT_FRACTION = 0.9;

	/** Frames sampled by default: enough for the 90 % rule to be sharp, cheap to read. */
	public static final int DEFAULT_SAMPLE = 600;

	private final int rows, columns;
	private final int[] indices;
	private final boolean[] hot;

	private HotPixels(final int rows, final int columns, final boolean[] hot) {
		this.rows = rows;
		this.columns = columns;
		this.hot = hot;
		this.indices = java.util.stream.IntStream.range(0, hot.length).filter(i -> hot[i]).toArray();
	}

	/** No hot pixels. */
	public static HotPixels none(final int rows, final int columns) {
		return new HotPixels(rows, columns, new boolean[rows * columns]);
	}

	/** Marks the given detector pixels (index row * columns + column) as hot. */
	public static HotPixels of(final int rows, final int columns, final int... pixels) {
		final boolean[] hot = new boolean[rows * columns];
		for (final int p : pixels)
			hot[p] = true;
		return new HotPixels(rows, columns, hot);
	}

	/** Finds the hot pixels of a scan from {@code sample} frames spread over points and angles. */
	public static HotPixels find(final RockingScan scan, final int sample) throws IOException {
		final int plane = scan.rows() * scan.columns();
		// The 90 % rule needs each frame twice (for the level, then the counts above it): keep copies.
		final java.util.List<float[]> kept = new java.util.ArrayList<>();
		FrameSample.forEach(scan, FrameSample.allPoints(scan), sample, f -> kept.add(f.clone()));
		final float[][] frames = kept.toArray(new float[0][]);
		final int n = frames.length;
		final double[] mean = new double[plane];
		for (final float[] f : frames)
			for (int p = 0; p < plane; p++)
				mean[p] += f[p];
		final double[] sorted = new double[plane];
		for (int p = 0; p < plane; p++)
			sorted[p] = mean[p] / n;
		Arrays.sort(sorted);
		final double b = sorted[plane / 2];
		final double level = Math.max(10, b + 10 * Math.sqrt(b));
		final boolean[] hot = new boolean[plane];
		for (int p = 0; p < plane; p++) {
			int high = 0;
			for (final float[] f : frames)
				if (f[p] >= level) high++;
			hot[p] = high >= HOT_FRACTION * n;
		}
		return new HotPixels(scan.rows(), scan.columns(), hot);
	}

	public int rows() {
		return rows;
	}

	public int columns() {
		return columns;
	}

	public boolean isHot(final int pixel) {
		return hot[pixel];
	}

	public int count() {
		return indices.length;
	}

	/** Hot pixel indices (row * columns + column), ascending. */
	public int[] indices() {
		return indices.clone();
	}

	/** Zeroes the hot pixels of every frame of a volume laid out angle-major. */
	public void clear(final float[] volume, final int angles) {
		final int plane = rows * columns;
		for (int a = 0; a < angles; a++)
			for (final int p : indices)
				volume[a * plane + p] = 0;
	}
}
