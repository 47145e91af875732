package org.braggcloud.figures;

import ij.ImagePlus;
import ij.gui.Plot;

import java.util.List;

/** The training loss against epochs, as an ImageJ plot. */
public final class TrainingPlots {

	private TrainingPlots() {}

	public static ImagePlus loss(final List<Double> losses) {
		final double[] x = new double[losses.size()];
		final double[] y = new double[losses.size()];
		for (int i = 0; i < x.length; i++) {
			x[i] = i + 1;
			y[i] = losses.get(i);
		}
		final Plot plot = new Plot("Training loss", "epoch", "Chamfer loss per cloud");
		plot.add("line", x, y);
		return plot.getImagePlus();
	}
}
