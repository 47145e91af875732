package org.braggcloud.figures;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Plot;
import ij.gui.Roi;
import ij.plugin.filter.ThresholdToSelection;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import java.awt.Color;
import java.util.List;

import org.braggcloud.io.CalibratedImages;
import org.braggcloud.io.LookupTables;
import org.braggcloud.clustering.CountCurve;

/** The cluster map, its boundaries and the clustering plots as ImageJ images. */
public final class ClusterImages {

	private ClusterImages() {}

	/**
	 * A 16-bit label map (0 outside the mask, 1..K), shown with the {@link LookupTables#glasbey()}
	 * colours and an overlay outlining each cluster, so boundaries stay visible over any LUT.
	 */
	public static ImagePlus clusterMap(final String title, final int[] labels, final int nx, final int ny, final int k,
		final double pixelSize, final String unit)
	{
		final ShortProcessor ip = new ShortProcessor(nx, ny);
		for (int i = 0; i < labels.length; i++)
			ip.set(i, labels[i]);
		ip.setLut(LookupTables.glasbey());
		final ImagePlus imp = new ImagePlus(title, ip);
		if (pixelSize > 0 && unit != null) CalibratedImages.calibrate(imp, pixelSize, unit);
		// Label c shows LUT entry c (for up to 255 clusters).
		ip.setMinAndMax(0, Math.max(255, k));
		final Overlay overlay = new Overlay();
		for (int c = 1; c <= k; c++) {
			ip.setThreshold(c, c, ImageProcessor.NO_LUT_UPDATE);
			final Roi outline = new ThresholdToSelection().convert(ip);
			if (outline == null) continue;
			outline.setName("cluster " + c);
			outline.setStrokeColor(Color.WHITE);
			overlay.add(outline);
		}
		ip.resetThreshold();
		ip.setMinAndMax(0, Math.max(255, k));
		imp.setOverlay(overlay);
		return imp;
	}

	/**
	 * Every criterion against K, each rescaled to [0, 1] over its own range so that curves of very
	 * different units (BIC, silhouette, the paper's PC) share one axis; the chosen K is marked by a
	 * vertical line.
	 */
	public static ImagePlus countPlot(final List<CountCurve> curves, final int chosen, final String criterion) {
		final Plot plot = new Plot("Cluster count", "K (clusters); chosen K = " + chosen + (criterion == null ? "" : " by " + criterion), "criterion (scaled to its range)");
		int kMax = 2;
		for (int i = 0; i < curves.size(); i++) {
			final CountCurve c = curves.get(i);
			double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
			for (final double v : c.values()) {
				lo = Math.min(lo, v);
				hi = Math.max(hi, v);
			}
			final double[] x = new double[c.k().length], y = new double[c.k().length];
			for (int j = 0; j < x.length; j++) {
				x[j] = c.k()[j];
				y[j] = hi > lo ? (c.values()[j] - lo) / (hi - lo) : 0;
				kMax = Math.max(kMax, c.k()[j]);
			}
			plot.setColor(LookupTables.labelColour(i + 1), LookupTables.labelColour(i + 1));
			plot.setLineWidth(2);
			plot.addPoints(x, y, Plot.CONNECTED_CIRCLES);
			plot.setLabel(-1, c.name() + " (K=" + c.chosen() + ")");
		}
		plot.setColor(Color.BLACK);
		plot.setLineWidth(1);
		plot.drawDottedLine(chosen, 0, chosen, 1, 2);
		plot.setLimits(0.5, kMax + 0.5, -0.05, 1.05);
		plot.setLegend(null, Plot.AUTO_POSITION);
		return plot.getImagePlus();
	}

	/** The first two principal components, one colour per cluster (the map's colours). */
	public static ImagePlus embeddingPlot(final double[][] embedding, final int[] clusters, final int k) {
		final Plot plot = new Plot("PCA embedding", "PC 1", "PC 2");
		double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = x0, y1 = x1;
		for (final double[] e : embedding) {
			x0 = Math.min(x0, e[0]);
			x1 = Math.max(x1, e[0]);
			y0 = Math.min(y0, e[1]);
			y1 = Math.max(y1, e[1]);
		}
		final StringBuilder legend = new StringBuilder();
		for (int c = 1; c <= k; c++) {
			int n = 0;
			for (final int l : clusters)
				if (l == c) n++;
			final double[] x = new double[n], y = new double[n];
			n = 0;
			for (int i = 0; i < clusters.length; i++)
				if (clusters[i] == c) {
					x[n] = embedding[i][0];
					y[n++] = embedding[i][1];
				}
			plot.setColor(LookupTables.labelColour(c), LookupTables.labelColour(c));
			plot.addPoints(x, y, Plot.CIRCLE);
			legend.append("cluster ").append(c).append('\n');
		}
		final double px = 0.05 * Math.max(x1 - x0, 1e-9), py = 0.05 * Math.max(y1 - y0, 1e-9);
		plot.setLimits(x0 - px, x1 + px, y0 - py, y1 + py);
		if (k <= 20) plot.addLegend(legend.toString().trim());
		return plot.getImagePlus();
	}
}
