package org.braggcloud.figures;

import org.braggcloud.io.CalibratedImages;
import org.braggcloud.io.LookupTables;
import ij.CompositeImage;
import ij.ImagePlus;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
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

	/**
	 * Every map rendered in its own LUT and tiled four to a row with its name above it, at a
	 * size readable in a report: one picture of all conventional maps.
	 */
	public static ImagePlus montage(final Map<String, float[]> maps, final int nx, final int ny, final double stepUm) {
		final int zoom = Math.max(1, 200 / Math.max(nx, ny));
		final int w = nx * zoom;
		final int h = ny * zoom;
		final int columns = Math.min(4, Math.max(1, maps.size()));
		final int rows = (maps.size() + columns - 1) / columns;
		final ColorProcessor out = new ColorProcessor(columns * (w + 8), rows * (h + 24));
		out.setColor(java.awt.Color.WHITE);
		out.fill();
		out.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12));
		out.setAntialiasedText(true);
		int i = 0;
		for (final Map.Entry<String, float[]> e : maps.entrySet()) {
			final ImagePlus map = single(e.getKey(), e.getValue(), nx, ny, stepUm);
			final ImageProcessor rgb = map.getProcessor().convertToRGB().resize(w, h, false);
			final int x = (i % columns) * (w + 8) + 4;
			final int y = (i / columns) * (h + 24);
			out.setColor(java.awt.Color.BLACK);
			out.drawString(e.getKey() + String.format(java.util.Locale.ROOT, "  [%.3g, %.3g]", map.getDisplayRangeMin(),
				map.getDisplayRangeMax()), x, y + 16);
			out.insert(rgb, x, y + 20);
			i++;
		}
		return new ImagePlus("maps", out);
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
