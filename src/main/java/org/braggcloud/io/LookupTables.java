package org.braggcloud.io;

import ij.ImagePlus;
import ij.plugin.LutLoader;
import ij.process.LUT;

/** The colour tables Bragg Cloud's maps are shown with. */
public final class LookupTables {

	private LookupTables() {}

	/** Blue - white - red, for signed quantities (strain, tilt) centred on zero. */
	public static LUT diverging() {
		final byte[] r = new byte[256], g = new byte[256], b = new byte[256];
		for (int i = 0; i < 256; i++) {
			final double t = (i - 127.5) / 127.5; // -1 .. 1
			final double lo = Math.max(0, -t), hi = Math.max(0, t);
			// Fade from saturated blue through white to saturated red.
			r[i] = (byte) Math.round(255 * (1 - 0.75 * lo));
			g[i] = (byte) Math.round(255 * (1 - 0.8 * Math.max(lo, hi)));
			b[i] = (byte) Math.round(255 * (1 - 0.75 * hi));
		}
		return new LUT(r, g, b);
	}

	/** ImageJ's Fire, for intensities. */
	public static LUT fire() {
		return new LUT(LutLoader.getLut("fire"), 0, 255);
	}

	/** ImageJ's Spectrum, for positions and angles. */
	public static LUT spectrum() {
		return new LUT(LutLoader.getLut("spectrum"), 0, 255);
	}

	/**
	 * Distinct colours for label images (cluster maps): index 0 black (background), then hues
	 * stepped by the golden ratio so that neighbouring labels never look alike, with saturation and
	 * brightness cycling so that labels a full hue turn apart still differ. Deterministic, so a
	 * cluster has the same colour in the map, the plots and every run.
	 */
	public static LUT glasbey() {
		final byte[] r = new byte[256], g = new byte[256], b = new byte[256];
		for (int i = 1; i < 256; i++) {
			final java.awt.Color c = labelColour(i);
			r[i] = (byte) c.getRed();
			g[i] = (byte) c.getGreen();
			b[i] = (byte) c.getBlue();
		}
		return new LUT(r, g, b);
	}

	/** The {@link #glasbey()} colour of label {@code label} (0 = black). */
	public static java.awt.Color labelColour(final int label) {
		if (label <= 0) return java.awt.Color.BLACK;
		final double golden = 0.6180339887498949;
		final float hue = (float) ((0.05 + label * golden) % 1.0);
		final float saturation = new float[] {0.85f, 0.55f, 1.0f}[label % 3];
		final float brightness = new float[] {1.0f, 0.75f, 0.9f}[(label / 3) % 3];
		return new java.awt.Color(java.awt.Color.HSBtoRGB(hue, saturation, brightness));
	}

	/** Applies a diverging LUT with a display range symmetric about zero (98th percentile of |value|). */
	public static void showSigned(final ImagePlus imp) {
		final float[] v = (float[]) imp.getProcessor().convertToFloat().getPixels();
		final double[] abs = java.util.stream.IntStream.range(0, v.length).filter(i -> Float.isFinite(v[i]))
			.mapToDouble(i -> Math.abs(v[i])).sorted().toArray();
		final double range = abs.length == 0 ? 1 : Math.max(abs[(int) (0.98 * (abs.length - 1))], 1e-12);
		imp.getProcessor().setLut(diverging());
		imp.getProcessor().setMinAndMax(-range, range);
	}
}
