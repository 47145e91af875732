package org.braggcloud.denoise;

import java.util.SplittableRandom;

import org.braggcloud.cloud.PointCloud;

/**
 * A diffraction-peak-like cloud: the voxels of a rough ellipsoid on the grid the paper used
 * (detector row, detector column, 10 x angle index), one point per voxel.
 */
final class BraggBlob {

	private BraggBlob() {
	}

	/** Semi-axes {@code radius} pixels in row and column and {@code angles} angle steps. */
	static PointCloud cloud(final long seed, final int radius, final int angles) {
		final SplittableRandom rng = new SplittableRandom(seed);
		final int rr = radius + 2, aa = angles + 1;
		final float[] p = new float[3 * (2 * rr + 1) * (2 * rr + 1) * (2 * aa + 1)];
		int n = 0;
		for (int r = -rr; r <= rr; r++) {
			for (int c = -rr; c <= rr; c++) {
				for (int a = -aa; a <= aa; a++) {
					final double e = (r * r + c * c) / (double) (radius * radius) + a * a / (double) (angles * angles);
					if (e > 1 + 0.1 * rng.nextGaussian())
						continue;
					p[3 * n] = r + 100;
					p[3 * n + 1] = c + 80;
					p[3 * n + 2] = 10 * (a + 10);
					n++;
				}
			}
		}
		return PointCloud.of(java.util.Arrays.copyOf(p, 3 * n));
	}
}
