package org.braggcloud.figures;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ColorProcessor;
import ij.process.LUT;

import java.util.Locale;

import org.braggcloud.io.CalibratedImages;
import org.braggcloud.rendering.RenderedSeries;

/** Rendered point-cloud series as ImageJ images. */
public final class RenderedImages {

	/** Image property holding the data units per screen pixel. */
	public static final String UNITS_PER_PIXEL = "units_per_pixel";
	/** Image property holding the data unit. */
	public static final String UNIT = "unit";

	private RenderedImages() {}

	/**
	 * An RGB stack, one slice per frame labelled with its azimuth (e.g. {@code "azimuth 10°"}). The
	 * physical scale is kept three ways: spatial calibration (pixel size in data units, exact for the
	 * orthographic projection at every azimuth), the properties {@value #UNITS_PER_PIXEL} and
	 * {@value #UNIT}, and a line in the image Info.
	 */
	public static ImagePlus stack(final String title, final RenderedSeries series) {
		final ImageStack stack = new ImageStack(series.width(), series.height());
		for (int f = 0; f < series.frameCount(); f++)
			stack.addSlice("azimuth " + degrees(series.azimuths()[f]) + "\u00b0",
				new ColorProcessor(series.width(), series.height(), series.frames()[f].clone()));
		final ImagePlus imp = new ImagePlus(title, stack);
		CalibratedImages.calibrate(imp, series.unitsPerPixel(), series.unit());
		imp.setProp(UNITS_PER_PIXEL, series.unitsPerPixel());
		imp.setProp(UNIT, series.unit());
		imp.setProperty("Info", String.format(Locale.ROOT, "Panels: %s%nScale: %s per pixel%nScale bar: %s%n",
			String.join(" | ", series.titles()), series.unitsPerPixel() + " " + series.unit(), series.scaleBarLabel()));
		return imp;
	}

	/** An ImageJ colour table as opaque ARGB ints, for {@code Colouring.intensity}. */
	public static int[] argb(final LUT lut) {
		final int[] table = new int[lut.getMapSize()];
		for (int i = 0; i < table.length; i++)
			table[i] = 0xFF000000 | lut.getRGB(i);
		return table;
	}

	private static String degrees(final double d) {
		final double r = Math.round(d * 100) / 100.0;
		return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
	}
}
