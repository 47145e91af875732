package org.braggcloud.correction;

/**
 * The background counts that a scan point's detector frames hold without any Bragg peak: a
 * detector pattern (diffuse scattering, fluorescence, dark counts; zero at hot and dead pixels)
 * times a level of each scan point's own, the same at every rocking angle. The level is higher
 * where the beam is on the particle when fluorescence or diffuse scattering from the particle
 * adds to the background; it is 1 for a uniform model.
 */
public final class DetectorBackground implements java.io.Serializable {

	private static final long serialVersionUID = 1L;


	private final float[] pattern;
	private final float[] levels;

	private DetectorBackground(final float[] pattern, final float[] levels) {
		this.pattern = pattern;
		this.levels = levels;
	}

	/** A uniform background, e.g. for tests or when the user knows it. */
	public static DetectorBackground uniform(final int rows, final int columns, final float level) {
		final float[] b = new float[rows * columns];
		java.util.Arrays.fill(b, level);
		return new DetectorBackground(b, null);
	}

	/**
	 * @param pattern counts per frame of each detector pixel at level 1 (row * columns + column)
	 * @param levels  each scan point's multiplier of the pattern (y * nx + x), or null for 1 everywhere
	 */
	public static DetectorBackground of(final float[] pattern, final float[] levels) {
		return new DetectorBackground(pattern.clone(), levels == null ? null : levels.clone());
	}

	/** Background counts per frame of each detector pixel at level 1, row * columns + column. */
	public float[] perPixel() {
		return pattern.clone();
	}

	/** Background of a detector pixel at level 1. */
	public float at(final int pixel) {
		return pattern[pixel];
	}

	/** The level (multiplier of the pattern) at a scan point. */
	public float level(final int point) {
		return levels == null ? 1f : levels[point];
	}

	/** Mean over detector pixels at level 1. */
	public double mean() {
		double s = 0;
		for (final float v : pattern)
			s += v;
		return s / pattern.length;
	}

	/** Highest background of any pixel at level 1 (hot and dead pixels hold 0). */
	public double max() {
		double m = 0;
		for (final float v : pattern)
			m = Math.max(m, v);
		return m;
	}
}
