package org.braggcloud.network;

/**
 * The decoder's 2-D grid, {@link #POINTS} points, built exactly as the paper's code builds it
 * (numpy linspace in double, then float32) so reconstructions match its output. The paper's 3-D
 * grids are random draws, shipped as its files ({@link org.braggcloud.network.model.FoldingGrids}).
 */
public final class FoldingGrid {

	/** Points per side of the plane grid. */
	public static final int SIDE = 45;
	/** Half-width of the square the grid spans. */
	public static final double HALF_WIDTH = 0.3;

	/** Points in every grid: 45 x 45, as the paper's. */
	public static final int POINTS = SIDE * SIDE;

	private FoldingGrid() {}

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
