package org.braggcloud.denoise;

import java.util.SplittableRandom;

import org.braggcloud.cloud.PointCloud;

/** Noisy samples of surfaces with known truth, for the denoising tests. */
final class Shapes {

	private Shapes() {
	}

	/** {@code n} points uniform on the square [0, side]^2 of the plane z = 0, isotropic noise. */
	static PointCloud plane(final int n, final double side, final double sigma, final long seed) {
		final SplittableRandom rng = new SplittableRandom(seed);
		final float[] p = new float[3 * n];
		for (int i = 0; i < n; i++) {
			p[3 * i] = (float) (side * rng.nextDouble() + sigma * rng.nextGaussian());
			p[3 * i + 1] = (float) (side * rng.nextDouble() + sigma * rng.nextGaussian());
			p[3 * i + 2] = (float) (sigma * rng.nextGaussian());
		}
		return PointCloud.of(p);
	}

	/** {@code n} points uniform on the sphere of radius r about the origin, isotropic noise. */
	static PointCloud sphere(final int n, final double r, final double sigma, final long seed) {
		final SplittableRandom rng = new SplittableRandom(seed);
		final float[] p = new float[3 * n];
		for (int i = 0; i < n; i++) {
			final double z = 2 * rng.nextDouble() - 1;
			final double phi = 2 * Math.PI * rng.nextDouble();
			final double s = Math.sqrt(1 - z * z);
			p[3 * i] = (float) (r * s * Math.cos(phi) + sigma * rng.nextGaussian());
			p[3 * i + 1] = (float) (r * s * Math.sin(phi) + sigma * rng.nextGaussian());
			p[3 * i + 2] = (float) (r * z + sigma * rng.nextGaussian());
		}
		return PointCloud.of(p);
	}

	/**
	 * The corner of the cube [0, side]^3 at the origin: {@code perFace} points uniform on each of the
	 * faces x = 0, y = 0, z = 0. Writes the clean points to {@code clean} (3 * 3 * perFace floats)
	 * when it is non-null; noise is isotropic.
	 */
	static PointCloud cubeCorner(final int perFace, final double side, final double sigma, final long seed,
		final float[] clean)
	{
		final SplittableRandom rng = new SplittableRandom(seed);
		final int n = 3 * perFace;
		final float[] p = new float[3 * n];
		for (int i = 0; i < n; i++) {
			final int face = i / perFace;
			final double[] c = new double[3];
			c[(face + 1) % 3] = side * rng.nextDouble();
			c[(face + 2) % 3] = side * rng.nextDouble();
			for (int d = 0; d < 3; d++) {
				if (clean != null)
					clean[3 * i + d] = (float) c[d];
				p[3 * i + d] = (float) (c[d] + sigma * rng.nextGaussian());
			}
		}
		return PointCloud.of(p);
	}

	/** Distance from (x, y, z) to the union of the three corner faces of the cube [0, side]^3. */
	static double cubeCornerDistance(final double x, final double y, final double z, final double side) {
		final double[] c = {x, y, z};
		double best = Double.POSITIVE_INFINITY;
		for (int face = 0; face < 3; face++) {
			double d2 = c[face] * c[face];
			for (int k = 1; k <= 2; k++) {
				final double t = c[(face + k) % 3];
				final double out = t < 0 ? -t : t > side ? t - side : 0;
				d2 += out * out;
			}
			best = Math.min(best, Math.sqrt(d2));
		}
		return best;
	}

	/** Root mean square of {@code d}. */
	static double rms(final double[] d) {
		double s = 0;
		for (final double v : d)
			s += v * v;
		return Math.sqrt(s / d.length);
	}

	static double[] planeDistances(final PointCloud c) {
		final double[] d = new double[c.size()];
		for (int i = 0; i < d.length; i++)
			d[i] = c.z(i);
		return d;
	}

	static double[] sphereDistances(final PointCloud c, final double r) {
		final double[] d = new double[c.size()];
		for (int i = 0; i < d.length; i++)
			d[i] = Math.sqrt((double) c.x(i) * c.x(i) + (double) c.y(i) * c.y(i) + (double) c.z(i) * c.z(i)) - r;
		return d;
	}

	static double[] cubeCornerDistances(final PointCloud c, final double side) {
		final double[] d = new double[c.size()];
		for (int i = 0; i < d.length; i++)
			d[i] = cubeCornerDistance(c.x(i), c.y(i), c.z(i), side);
		return d;
	}
}
