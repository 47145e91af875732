package org.braggcloud.correction;

import java.io.IOException;

import org.braggcloud.scan.RockingScan;

/**
 * Mean background counts of each detector pixel per frame (diffuse scattering, fluorescence,
 * dark counts), estimated from the data.
 * <p>
 * Rule: the mean over frames of scan points outside the particle mask, at every angle, sampled
 * evenly (up to {@link #DEFAULT_SAMPLE} frames). Those frames hold no Bragg peak, so their mean is
 * the background itself, not a level biased by peaks. When fewer than 20 scan points lie outside
 * the mask, the dimmest 10 % of scan points (by integrated intensity) stand in for them. Hot
 * pixels get zero background (they are excluded everywhere).
 */
public final class DetectorBackground {

	public static final int DEFAULT_SAMPLE = 2000;

	private final float[] perPixel;

	private DetectorBackground(final float[] perPixel) {
		this.perPixel = perPixel;
	}

	/** A uniform background, e.g. for tests or when the user knows it. */
	public static DetectorBackground uniform(final int rows, final int columns, final float level) {
		final float[] b = new float[rows * columns];
		java.util.Arrays.fill(b, level);
		return new DetectorBackground(b);
	}

	/**
	 * @param mask       particle mask over scan points (true = particle)
	 * @param integrated integrated intensity per scan point, used when the mask leaves too little outside
	 */
	public static DetectorBackground estimate(final RockingScan scan, final boolean[] mask, final float[] integrated,
		final HotPixels hot, final int sample) throws IOException
	{
		int[] outside = java.util.stream.IntStream.range(0, mask.length).filter(i -> !mask[i]).toArray();
		if (outside.length < 20) {
			final Integer[] order = new Integer[integrated.length];
			for (int i = 0; i < order.length; i++)
				order[i] = i;
			java.util.Arrays.sort(order, (a, b) -> Float.compare(integrated[a], integrated[b]));
			outside = new int[Math.max(1, integrated.length / 10)];
			for (int i = 0; i < outside.length; i++)
				outside[i] = order[i];
		}
		final int plane = scan.rows() * scan.columns();
		final double[] sum = new double[plane];
		final int n = FrameSample.forEach(scan, outside, sample, frame -> {
			for (int p = 0; p < plane; p++)
				sum[p] += frame[p];
		});
		final float[] b = new float[plane];
		for (int p = 0; p < plane; p++)
			b[p] = hot.isHot(p) ? 0 : (float) (sum[p] / n);
		return new DetectorBackground(b);
	}

	/** Background counts per frame of each detector pixel, row * columns + column. */
	public float[] perPixel() {
		return perPixel.clone();
	}

	public float at(final int pixel) {
		return perPixel[pixel];
	}

	/** Mean over detector pixels. */
	public double mean() {
		double s = 0;
		for (final float v : perPixel)
			s += v;
		return s / perPixel.length;
	}
}
