package org.braggcloud.figures;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.List;

import org.braggcloud.io.LookupTables;
import org.braggcloud.analysis.ClusterProfiles;
import org.braggcloud.cloud.PointCloud;
import org.braggcloud.rendering.CloudRenderer;
import org.braggcloud.rendering.Colouring;
import org.braggcloud.rendering.RenderedSeries;

/**
 * The pictures that let a user judge each cluster against the data: mean rocking curves, mean
 * detector patterns at the peak angle, and a representative cloud raw and reconstructed. Each
 * cluster keeps its colour from the cluster map's LUT.
 */
public final class ClusterFigures {

	private static final int TILE = 160;

	private ClusterFigures() {}

	/** Every cluster's mean rocking curve, one line each in the cluster's colour. */
	public static ImagePlus rockingCurves(final ClusterProfiles profiles, final double[] anglesDeg) {
		final Plot plot = new Plot("Mean rocking curve per cluster", "rocking angle (deg)", "counts per scan point");
		for (int c = 1; c <= profiles.clusters(); c++) {
			plot.setColor(LookupTables.labelColour(c));
			plot.setLineWidth(2);
			plot.add("line", anglesDeg, profiles.rockingCurve(c));
			plot.setLabel(-1, "cluster " + c);
		}
		plot.setColor(Color.BLACK);
		plot.setLegend(null, Plot.AUTO_POSITION);
		plot.setLimitsToFit(false); // without this the axes fit the first curve only
		return plot.getImagePlus();
	}

	/** Each cluster's mean detector pattern at its peak angle, fire LUT, side by side, labelled. */
	public static ImagePlus patterns(final ClusterProfiles profiles, final double[] anglesDeg) {
		final int k = profiles.clusters();
		final ImageProcessor[] tiles = new ImageProcessor[k];
		final String[] labels = new String[k];
		for (int c = 1; c <= k; c++) {
			final FloatProcessor fp = new FloatProcessor(profiles.columns(), profiles.rows(), profiles.pattern(c));
			fp.resetMinAndMax();
			fp.setLut(LookupTables.fire());
			tiles[c - 1] = fp.convertToRGB().resize(TILE, TILE * profiles.rows() / profiles.columns());
			labels[c - 1] = String.format(java.util.Locale.ROOT, "cluster %d, %.2f deg", c, anglesDeg[profiles.peakAngle(c)]);
		}
		return montage("Mean detector pattern at the peak angle", tiles, labels);
	}

	/**
	 * One row per cluster: its representative cloud as the network saw it and the network's
	 * reconstruction (when there is one), drawn at the same scale.
	 */
	public static ImagePlus clouds(final List<PointCloud> raw, final List<PointCloud> reconstructed) {
		final ImageProcessor[] tiles = new ImageProcessor[raw.size()];
		final String[] labels = new String[raw.size()];
		for (int c = 0; c < raw.size(); c++) {
			final boolean both = reconstructed != null && reconstructed.get(c) != null;
			final List<PointCloud> panels = both ? List.of(raw.get(c), reconstructed.get(c)) : List.of(raw.get(c));
			final List<String> titles = both ? List.of("raw", "reconstructed") : List.of("raw");
			final RenderedSeries s = CloudRenderer.size(TILE, TILE).azimuths(1).elevation(20).pointRadius(1.2)
				.colouring(Colouring.byCloud()).render(panels, titles);
			final BufferedImage image = s.image(0);
			tiles[c] = new ColorProcessor(image);
			labels[c] = "cluster " + (c + 1);
		}
		return montage("Representative clouds", tiles, labels);
	}

	/** Tiles left to right (wrapping after four), each with its label above it. */
	private static ImagePlus montage(final String title, final ImageProcessor[] tiles, final String[] labels) {
		final int columns = Math.min(4, tiles.length);
		final int rows = (tiles.length + columns - 1) / columns;
		int w = 0;
		int h = 0;
		for (final ImageProcessor t : tiles) {
			w = Math.max(w, t.getWidth());
			h = Math.max(h, t.getHeight());
		}
		final int header = 18;
		final ColorProcessor out = new ColorProcessor(columns * (w + 6), rows * (h + header + 6));
		out.setColor(Color.WHITE);
		out.fill();
		out.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		out.setAntialiasedText(true);
		for (int i = 0; i < tiles.length; i++) {
			final int x = (i % columns) * (w + 6) + 3;
			final int y = (i / columns) * (h + header + 6) + 3;
			out.setColor(LookupTables.labelColour(i + 1));
			out.fillRect(x, y, 10, 12);
			out.setColor(Color.BLACK);
			out.drawString(labels[i], x + 14, y + 13);
			out.insert(tiles[i].convertToRGB(), x, y + header);
		}
		return new ImagePlus(title, out);
	}
}
