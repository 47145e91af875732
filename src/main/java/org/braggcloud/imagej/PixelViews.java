package org.braggcloud.imagej;

import org.braggcloud.figures.RenderedImages;
import org.braggcloud.io.LookupTables;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Plot;
import ij.process.FloatProcessor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.braggcloud.cloud.PointCloud;
import org.braggcloud.rendering.CloudRenderer;
import org.braggcloud.rendering.Colouring;
import org.braggcloud.rendering.RenderedSeries;
import org.braggcloud.scan.RockingScan;

/**
 * Everything about one scan pixel, for a user who clicked it on a map: its rocking curve, its
 * detector frames (one slice per angle, the peak angle selected) and, when its cloud is known,
 * a rotating rendering of the cloud.
 */
public final class PixelViews {

	/** Image property naming the scan.json a map was made from; the ImageJ adapter uses it. */
	public static final String SCAN = "braggcloud.scan";
	/** Image property naming the clouds.h5 holding the map's pixel clouds. */
	public static final String CLOUDS = "braggcloud.clouds";

	private PixelViews() {}

	/** The views of pixel (x, y); {@code cloud} may be null (no rendering then). */
	public static List<ImagePlus> of(final RockingScan scan, final int x, final int y, final PointCloud cloud) throws IOException {
		if (x < 0 || y < 0 || x >= scan.grid().nx() || y >= scan.grid().ny())
			throw new IllegalArgumentException("pixel (" + x + ", " + y + ") is outside the " + scan.grid().nx() + " x " + scan.grid().ny() + " scan");
		final int rows = scan.rows();
		final int columns = scan.columns();
		final int plane = rows * columns;
		final float[] volume = new float[scan.voxelsPerPixel()];
		scan.readVolume(x, y, volume);
		final double[] angles = scan.anglesDeg();
		final double[] curve = new double[angles.length];
		final ImageStack stack = new ImageStack(columns, rows);
		int peak = 0;
		for (int a = 0; a < angles.length; a++) {
			final float[] frame = new float[plane];
			System.arraycopy(volume, a * plane, frame, 0, plane);
			for (final float v : frame) curve[a] += v;
			if (curve[a] > curve[peak]) peak = a;
			stack.addSlice(String.format(Locale.ROOT, "%.3f deg", angles[a]), new FloatProcessor(columns, rows, frame));
		}
		final String where = String.format(Locale.ROOT, "x %d, y %d", x, y);
		final List<ImagePlus> views = new ArrayList<>();
		final Plot plot = new Plot("Rocking curve (" + where + ")", "rocking angle (deg)", "counts");
		plot.add("line", angles, curve);
		views.add(plot.getImagePlus());
		final ImagePlus frames = new ImagePlus("Frames (" + where + ")", stack);
		frames.setSlice(peak + 1);
		frames.getProcessor().setLut(LookupTables.fire());
		frames.resetDisplayRange();
		views.add(frames);
		if (cloud != null && !cloud.isEmpty()) {
			final RenderedSeries s = CloudRenderer.size(256, 256).azimuths(36).colouring(Colouring.intensity())
				.render(List.of(cloud), List.of("cloud " + where));
			views.add(RenderedImages.stack("Cloud (" + where + ")", s));
		}
		return views;
	}
}
