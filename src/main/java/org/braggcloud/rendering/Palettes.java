package org.braggcloud.rendering;

/** Colour tables for the renderer, as opaque ARGB ints, independent of ImageJ. */
public final class Palettes {

	/** Knots of the fire table: position 0..1, then red, green, blue. */
	private static final double[][] FIRE_KNOTS = {
		{0.00, 0, 0, 0}, {0.20, 60, 0, 140}, {0.40, 190, 0, 110}, {0.60, 255, 80, 0}, {0.80, 255, 190, 0}, {1.00, 255, 255, 255}};

	private static final int[] PANEL = {0xFF4FC3F7, 0xFFFFB74D, 0xFF81C784, 0xFFE57373, 0xFFBA68C8, 0xFFFFF176};

	private static final int[] LABEL = {0xFFE6194B, 0xFF3CB44B, 0xFFFFE119, 0xFF4363D8, 0xFFF58231, 0xFF911EB4, 0xFF46F0F0,
		0xFFF032E6, 0xFFBCF60C, 0xFFFABEBE, 0xFF008080, 0xFFE6BEFF, 0xFF9A6324, 0xFFFFFAC8, 0xFF800000, 0xFFAAFFC3};

	private Palettes() {}

	/** A black - purple - red - yellow - white table of 256 entries, for intensities. */
	public static int[] fire() {
		final int[] lut = new int[256];
		for (int i = 0; i < 256; i++) {
			final double t = i / 255.0;
			int k = 0;
			while (k < FIRE_KNOTS.length - 2 && t > FIRE_KNOTS[k + 1][0])
				k++;
			final double[] a = FIRE_KNOTS[k], b = FIRE_KNOTS[k + 1];
			final double f = (t - a[0]) / (b[0] - a[0]);
			int argb = 0xFF000000;
			for (int c = 1; c <= 3; c++)
				argb |= (int) Math.round(a[c] + f * (b[c] - a[c])) << (8 * (3 - c));
			lut[i] = argb;
		}
		return lut;
	}

	/** One colour per panel (cycled): light blue, orange, green, red, purple, yellow. */
	public static int[] panelColours() {
		return PANEL.clone();
	}

	/** Sixteen well-separated colours for cluster labels (cycled). */
	public static int[] labelColours() {
		return LABEL.clone();
	}
}
