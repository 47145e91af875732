package org.braggcloud.imagej;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;
import ij.process.LUT;

import java.util.Map;
import java.util.Set;

/**
 * Shows a set of scan maps the way Fiji users read them: one calibrated image per map, with a
 * diverging LUT centred on zero for signed quantities (strain, tilts) and Fire or Spectrum for
 * the others; or all maps as the channels of one composite image, each with its own LUT.
 */
public final class MapImages {

	/** Maps whose sign matters: shown with a diverging LUT symmetric about zero. */
	public static final Set<String> SIGNED = Set.of("strain", "tilt_x", "tilt_y", "paper_strain", "paper_tilt");

	private MapImages() {}

	/** One map as a calibrated 32-bit image with its LUT. */
	public static ImagePlus single(final String name, final float[] values, final int nx, final int ny, final double stepUm) {
		final ImagePlus imp = CalibratedImages.floatImage(name, values.clone(), nx, ny, stepUm, "um");
		style(imp, name);
		return imp;
	}

	/** All maps as channels of one composite image (channel labels = map names). */
	public static ImagePlus composite(final String title, final Map<String, float[]> maps, final int nx, final int ny, final double stepUm) {
		final ImageStack stack = new ImageStack(nx, ny);
		for (final Map.Entry<String, float[]> e : maps.entrySet())
			stack.addSlice(e.getKey(), new FloatProcessor(nx, ny, e.getValue().clone()));
		final ImagePlus imp = new ImagePlus(title, stack);
		imp.setDimensions(maps.size(), 1, 1);
		CalibratedImages.calibrate(imp, stepUm, "um");
		final CompositeImage composite = new CompositeImage(imp, CompositeImage.COLOR);
		int c = 1;
		for (final String name : maps.keySet()) {
			final ImagePlus channel = single(name, maps.get(name), nx, ny, stepUm);
			final LUT lut = (LUT) channel.getProcessor().getLut().clone();
			lut.min = channel.getDisplayRangeMin();
			lut.max = channel.getDisplayRangeMax();
			composite.setChannelLut(lut, c++);
		}
		composite.setCalibration(imp.getCalibration());
		return composite;
	}

	private static void style(final ImagePlus imp, final String name) {
		if (SIGNED.contains(name)) {
			LookupTables.showSigned(imp);
			return;
		}
		imp.getProcessor().setLut(name.equals("intensity") ? LookupTables.fire() : LookupTables.spectrum());
		imp.getProcessor().resetMinAndMax();
	}
}
