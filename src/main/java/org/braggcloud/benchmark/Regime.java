package org.braggcloud.benchmark;

import java.util.Locale;

/**
 * One cell of the robustness grid: the measurement conditions a simulated scan is made under.
 *
 * @param style shape of each Bragg peak
 * @param peakMaximum expected counts in a peak's brightest voxel at full particle thickness
 * @param background expected background counts per voxel (per detector pixel and frame); for
 *        {@link BackgroundShape#PARTICLE} at full thickness
 * @param shape where the background comes from
 * @param roi detector region of interest, rows = columns
 * @param angles rocking angles
 * @param domains true domains in the particle
 * @param driftPx largest drift between rocking scans, scan pixels
 */
public record Regime(Style style, double peakMaximum, double background, BackgroundShape shape, int roi, int angles,
	int domains, double driftPx)
{

	public enum Style {
		BLOB, FACETED;

		String key() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	public enum BackgroundShape {
		/** The same everywhere: scattering from air and the substrate. */
		FLAT,
		/** Fluorescence from the particle, following its thickness. */
		PARTICLE;

		String key() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** The issue asks for good maps where the peak stands well above its background. */
	public static final double ACCEPTANCE_CONTRAST = 10;

	public Regime {
		if (!(peakMaximum > 0)) throw new IllegalArgumentException("peak maximum must be positive, got " + peakMaximum);
		if (!(background >= 0)) throw new IllegalArgumentException("background must be 0 or more, got " + background);
		if (roi < 8) throw new IllegalArgumentException("ROI must be at least 8 pixels, got " + roi);
		if (angles < 2) throw new IllegalArgumentException("at least 2 rocking angles are needed, got " + angles);
		if (domains < 1) throw new IllegalArgumentException("at least one domain is needed, got " + domains);
		if (!(driftPx >= 0)) throw new IllegalArgumentException("drift must be 0 or more, got " + driftPx);
	}

	/**
	 * A larger ROI holds peaks further from the Bragg condition, which the rocking curve must
	 * follow too: 15 angles for a 48-pixel ROI, 21 from 128 pixels on.
	 */
	public static int anglesFor(final int roi) {
		return roi >= 128 ? 21 : 15;
	}

	/** Whether the peak maximum is at least {@link #ACCEPTANCE_CONTRAST} times the background. */
	public boolean inAcceptanceRegion() {
		return peakMaximum >= ACCEPTANCE_CONTRAST * background;
	}
}
