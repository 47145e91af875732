package org.braggcloud.network;

/**
 * The decoder's fixed point sets (docs/pipeline.md §5), {@link #POINTS} each. The 2-D "plane" is
 * built exactly as the paper's code builds it (numpy linspace in double, then float32) so
 * reconstructions match its output. The paper's 3-D "sphere" and "gaussian" sets are random
 * draws shipped as files; ours are closed-form, so they are the same on every machine and need
 * no file: a Fibonacci sphere and a Box-Muller transform of a Halton sequence, both with the
 * paper files' radius 0.3.
 */
public final class FoldingGrid {

	/** Points per side of the plane grid. */
	public static final int SIDE = 45;
	/** Half-width of the square the grid spans. */
	public static final double HALF_WIDTH = 0.3;

	/** Points in every grid: 45 x 45, as the paper's. */
	public static final int POINTS = SIDE * SIDE;

	private static final double GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

	private FoldingGrid() {}

	/**
	 * 2025 points spread evenly over the sphere of radius 0.3, {@code 2025 * 3} floats: point i
	 * at height {@code z = 1 - (2i + 1) / 2025} (times 0.3), turned by i golden angles.
	 */
	public static float[] sphere() {
		final float[] grid = new float[POINTS * 3];
		for (int i = 0; i < POINTS; i++) {
			final double z = 1 - (2.0 * i + 1) / POINTS;
			final double r = Math.sqrt(1 - z * z);
			final double phi = i * GOLDEN_ANGLE;
			grid[3 * i] = (float) (HALF_WIDTH * r * Math.cos(phi));
			grid[3 * i + 1] = (float) (HALF_WIDTH * r * Math.sin(phi));
			grid[3 * i + 2] = (float) (HALF_WIDTH * z);
		}
		return grid;
	}

	/**
	 * 2025 points of a 3-D standard normal, {@code 2025 * 3} floats: the Halton sequence in bases
	 * 2, 3, 5, 7 (index i + 1) through Box-Muller, then centred and scaled so the farthest point
	 * lies at 0.3, as in the paper's gaussian.npy.
	 */
	public static float[] gaussian() {
		final double[] g = new double[POINTS * 3];
		final double[] mean = new double[3];
		for (int i = 0; i < POINTS; i++) {
			final double r1 = Math.sqrt(-2 * Math.log(halton(i + 1, 2)));
			final double a1 = 2 * Math.PI * halton(i + 1, 3);
			final double r2 = Math.sqrt(-2 * Math.log(halton(i + 1, 5)));
			final double a2 = 2 * Math.PI * halton(i + 1, 7);
			g[3 * i] = r1 * Math.cos(a1);
			g[3 * i + 1] = r1 * Math.sin(a1);
			g[3 * i + 2] = r2 * Math.cos(a2);
			for (int d = 0; d < 3; d++) mean[d] += g[3 * i + d] / POINTS;
		}
		double farthest = 0;
		for (int i = 0; i < POINTS; i++) {
			double r = 0;
			for (int d = 0; d < 3; d++) {
				g[3 * i + d] -= mean[d];
				r += g[3 * i + d] * g[3 * i + d];
			}
			farthest = Math.max(farthest, Math.sqrt(r));
		}
		final float[] grid = new float[g.length];
		for (int i = 0; i < g.length; i++) grid[i] = (float) (g[i] * HALF_WIDTH / farthest);
		return grid;
	}

	/** The i-th element (i >= 1) of the van der Corput sequence in {@code base}: in (0, 1). */
	static double halton(final int i, final int base) {
		double f = 1;
		double x = 0;
		for (int n = i; n > 0; n /= base) {
			f /= base;
			x += f * (n % base);
		}
		return x;
	}

	/**
	 * The 45 x 45 plane grid, {@code 2025 * 2} floats row-major: point {@code i * 45 + j} is
	 * {@code (g[i], g[j])} with {@code g = linspace(-0.3, 0.3, 45)}.
	 */
	public static float[] plane() {
		final double[] g = linspace(-HALF_WIDTH, HALF_WIDTH, SIDE);
		final float[] grid = new float[SIDE * SIDE * 2];
		for (int i = 0; i < SIDE; i++) {
			for (int j = 0; j < SIDE; j++) {
				grid[2 * (i * SIDE + j)] = (float) g[i];
				grid[2 * (i * SIDE + j) + 1] = (float) g[j];
			}
		}
		return grid;
	}

	/** As numpy computes it: {@code start + i * step}, the last value set to {@code stop}. */
	static double[] linspace(final double start, final double stop, final int num) {
		final double[] y = new double[num];
		final double step = (stop - start) / (num - 1);
		for (int i = 0; i < num; i++) y[i] = i * step + start;
		y[num - 1] = stop;
		return y;
	}
}
