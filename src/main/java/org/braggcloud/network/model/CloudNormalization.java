package org.braggcloud.network.model;

/**
 * Centres a cloud on its centroid and scales it so its farthest point lies at distance 1: the
 * normalisation a model trained with {@code normalize=true} expects. Paper checkpoints were
 * trained on raw index coordinates and are used without it.
 */
public final class CloudNormalization {

	private CloudNormalization() {}

	/** A normalised copy of interleaved positions. */
	public static float[] apply(final float[] xyz) {
		final int n = xyz.length / 3;
		final double[] c = new double[3];
		for (int i = 0; i < n; i++)
			for (int d = 0; d < 3; d++)
				c[d] += xyz[3 * i + d];
		for (int d = 0; d < 3; d++)
			c[d] /= Math.max(1, n);
		double r = 0;
		for (int i = 0; i < n; i++) {
			double s = 0;
			for (int d = 0; d < 3; d++)
				s += Math.pow(xyz[3 * i + d] - c[d], 2);
			r = Math.max(r, s);
		}
		final double scale = r > 0 ? 1 / Math.sqrt(r) : 1;
		final float[] out = new float[xyz.length];
		for (int i = 0; i < n; i++)
			for (int d = 0; d < 3; d++)
				out[3 * i + d] = (float) ((xyz[3 * i + d] - c[d]) * scale);
		return out;
	}
}
