package org.braggcloud.network.training;

import org.braggcloud.network.FoldingGrid;

/**
 * What a training run is configured with. {@link #paper(int)} is the paper's run
 * (docs/pipeline.md §5); the rest exist so tests and quick trials can shrink the problem.
 *
 * @param k neighbours per point, the point itself included (32 in the paper)
 * @param learningRate Adam's lr
 * @param weightDecay PyTorch Adam's L2 term, added to the gradient
 * @param grid the decoder's fixed points, {@code M * gridDimension} floats row-major
 * @param gridDimension 2 (plane) or 3
 * @param threads threads for neighbour searches, pooling and libtorch's intra-op pool
 */
public record TrainingOptions(int k, double learningRate, double weightDecay, float[] grid,
	int gridDimension, int threads)
{

	/** Options on all cores. */
	public TrainingOptions(final int k, final double learningRate, final double weightDecay,
		final float[] grid, final int gridDimension)
	{
		this(k, learningRate, weightDecay, grid, gridDimension, Runtime.getRuntime().availableProcessors());
	}

	public TrainingOptions {
		if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
		if (gridDimension != 2 && gridDimension != 3) {
			throw new IllegalArgumentException("grid dimension must be 2 or 3, got " + gridDimension);
		}
		if (grid.length == 0 || grid.length % gridDimension != 0) {
			throw new IllegalArgumentException("grid of " + grid.length +
				" values is not a whole number of " + gridDimension + "-D points");
		}
	}

	/** k = 32, lr = 1e-4 * 16 / batch, weight decay 1e-6, the 45 x 45 plane grid. */
	public static TrainingOptions paper(final int batch) {
		return new TrainingOptions(32, 1e-4 * 16 / batch, 1e-6, FoldingGrid.plane(), 2);
	}

	public TrainingOptions withK(final int newK) {
		return new TrainingOptions(newK, learningRate, weightDecay, grid, gridDimension, threads);
	}

	public TrainingOptions withLearningRate(final double lr) {
		return new TrainingOptions(k, lr, weightDecay, grid, gridDimension, threads);
	}

	/** A plane grid of {@code side x side} points on the paper's [-0.3, 0.3]^2, for speed. */
	public TrainingOptions withPlane(final int side) {
		return new TrainingOptions(k, learningRate, weightDecay, plane(side), 2, threads);
	}

	public TrainingOptions withThreads(final int newThreads) {
		return new TrainingOptions(k, learningRate, weightDecay, grid, gridDimension, newThreads);
	}

	/** Same layout as {@link FoldingGrid#plane()}: first coordinate outer, second inner. */
	static float[] plane(final int side) {
		if (side < 2) throw new IllegalArgumentException("plane side must be at least 2, got " + side);
		final float[] grid = new float[side * side * 2];
		final double step = 2 * FoldingGrid.HALF_WIDTH / (side - 1);
		for (int i = 0; i < side; i++) {
			for (int j = 0; j < side; j++) {
				grid[2 * (i * side + j)] = coordinate(i, side, step);
				grid[2 * (i * side + j) + 1] = coordinate(j, side, step);
			}
		}
		return grid;
	}

	/** As numpy's linspace: {@code start + i * step}, the last one exactly {@code stop}. */
	private static float coordinate(final int i, final int side, final double step) {
		return (float) (i == side - 1 ? FoldingGrid.HALF_WIDTH : i * step - FoldingGrid.HALF_WIDTH);
	}
}
