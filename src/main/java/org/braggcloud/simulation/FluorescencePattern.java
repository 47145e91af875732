package org.braggcloud.simulation;

import java.util.SplittableRandom;

/**
 * How diffuse fluorescence spreads over the detector: a gentle linear gradient, +-{@link #SPAN}
 * from one corner to the other in a seeded direction, mean 1. Fluorescence is emitted
 * isotropically, so it does not depend on the rocking angle; the gradient stands for the
 * changing solid angle and absorption path across a flat detector.
 */
final class FluorescencePattern {

	/** Largest relative departure from the mean, at the detector's extreme corners. */
	static final double SPAN = 0.2;

	private final float[] weights;

	private FluorescencePattern(float[] weights) {
		this.weights = weights;
	}

	static FluorescencePattern create(SplittableRandom rng, int rows, int cols) {
		double phi = rng.nextDouble(2 * Math.PI);
		double gc = Math.cos(phi);
		double gr = Math.sin(phi);
		// Normalised so that the extreme corner reaches exactly +-SPAN.
		double extreme = Math.abs(gc) + Math.abs(gr);
		float[] w = new float[rows * cols];
		for (int r = 0; r < rows; r++) {
			double yr = 2.0 * r / (rows - 1) - 1;
			for (int c = 0; c < cols; c++) {
				double xc = 2.0 * c / (cols - 1) - 1;
				w[r * cols + c] = (float) (1 + SPAN * (gc * xc + gr * yr) / extreme);
			}
		}
		return new FluorescencePattern(w);
	}

	/** Adds {@code counts * weight} to every detector pixel of a row-major frame. */
	void add(double counts, float[] out) {
		for (int i = 0; i < out.length; i++) {
			out[i] += (float) (counts * weights[i]);
		}
	}

	/** Relative weight of detector pixel (row * cols + column). */
	double weight(int pixel) {
		return weights[pixel];
	}
}
