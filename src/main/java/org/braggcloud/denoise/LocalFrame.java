package org.braggcloud.denoise;

/**
 * A point's local coordinate frame from principal component analysis of its nearest neighbours:
 * the normal is the direction of least spread, the two tangent axes span the local surface.
 * <p>
 * LPA-ICI fits its windows in this frame, and the noise estimator measures offsets along its
 * normal. One instance is scratch space for one thread.
 */
final class LocalFrame {

	/** Tangent axis of largest spread. */
	final double[] u = new double[3];
	/** Second tangent axis, {@code v = n x u}. */
	final double[] v = new double[3];
	/** Unit normal, the axis of least spread. */
	final double[] n = new double[3];
	/** Centroid of the neighbours: the PCA plane passes through it. */
	final double[] centroid = new double[3];
	/** Covariance eigenvalues (population, 1/count), ascending: normal, v, u. */
	final double[] values = new double[3];

	private final double[] cov = new double[6];
	private final double[] vectors = new double[9];

	/** Fits the frame to points {@code idx[0..count)} of the interleaved positions {@code p}. */
	void fit(final float[] p, final int[] idx, final int count) {
		double cx = 0, cy = 0, cz = 0;
		for (int k = 0; k < count; k++) {
			final int j = 3 * idx[k];
			cx += p[j];
			cy += p[j + 1];
			cz += p[j + 2];
		}
		cx /= count;
		cy /= count;
		cz /= count;
		centroid[0] = cx;
		centroid[1] = cy;
		centroid[2] = cz;
		double xx = 0, xy = 0, xz = 0, yy = 0, yz = 0, zz = 0;
		for (int k = 0; k < count; k++) {
			final int j = 3 * idx[k];
			final double dx = p[j] - cx, dy = p[j + 1] - cy, dz = p[j + 2] - cz;
			xx += dx * dx;
			xy += dx * dy;
			xz += dx * dz;
			yy += dy * dy;
			yz += dy * dz;
			zz += dz * dz;
		}
		cov[0] = xx / count;
		cov[1] = xy / count;
		cov[2] = xz / count;
		cov[3] = yy / count;
		cov[4] = yz / count;
		cov[5] = zz / count;
		SymmetricEigen3.decompose(cov, values, vectors);
		for (int d = 0; d < 3; d++) {
			n[d] = vectors[d];
			u[d] = vectors[6 + d];
		}
		v[0] = n[1] * u[2] - n[2] * u[1];
		v[1] = n[2] * u[0] - n[0] * u[2];
		v[2] = n[0] * u[1] - n[1] * u[0];
	}
}
