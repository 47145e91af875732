package org.braggcloud.network.model;

/**
 * Centres a cloud on its centroid and scales it so its farthest point lies at distance 1: the
 * normalisation a model trained with {@code normalize=true} expects. Paper checkpoints were
 * trained on raw index coordinates and are used without it. The frame is kept, so a
 * reconstruction can be put back where the cloud was.
 *
 * @param centre the cloud's centroid
 * @param radius the distance of its farthest point from the centroid (1 for a single point)
 */
public record CloudNormalization(double[] centre, double radius) {

	/** The frame of interleaved positions. */
	public static CloudNormalization of(final float[] xyz) {
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
		return new CloudNormalization(c, r > 0 ? Math.sqrt(r) : 1);
	}

	/** A normalised copy of interleaved positions. */
	public static float[] apply(final float[] xyz) {
		return of(xyz).normalise(xyz);
	}

	public float[] normalise(final float[] xyz) {
		final float[] out = new float[xyz.length];
		for (int i = 0; i < xyz.length; i += 3)
			for (int d = 0; d < 3; d++)
				out[i + d] = (float) ((xyz[i + d] - centre[d]) / radius);
		return out;
	}

	/** Points of the normalised frame (a reconstruction) back in the cloud's own coordinates. */
	public float[] restore(final float[] xyz) {
		final float[] out = new float[xyz.length];
		for (int i = 0; i < xyz.length; i += 3)
			for (int d = 0; d < 3; d++)
				out[i + d] = (float) (xyz[i + d] * radius + centre[d]);
		return out;
	}
}
