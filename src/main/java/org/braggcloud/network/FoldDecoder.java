package org.braggcloud.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The two foldings of docs/pipeline.md §5. The first layer of each folding is split into its
 * codeword block, applied once per cloud, and its per-point block: the same sum as the concat,
 * at about half the cost. The grid block does not depend on the cloud at all, so it is
 * computed once at construction.
 */
final class FoldDecoder {

	private static final int CODEWORD = 512;

	private final int points;
	private final PointLinear fold1Code;
	private final NDArray fold1Grid; // (M, 512): grid block of folding1.0, no bias
	private final PointLinear fold1b;
	private final PointLinear fold1c;
	private final PointLinear fold2Code;
	private final PointLinear fold2Point;
	private final PointLinear fold2b;
	private final PointLinear fold2c;

	FoldDecoder(final Layers layers, final NDManager manager, final float[] grid,
		final int gridDimension)
	{
		final int in1 = layers.inputs("decoder.folding1.0");
		if (in1 != CODEWORD + gridDimension) {
			throw new IllegalArgumentException("checkpoint folds a " + (in1 - CODEWORD) +
				"-D grid, given a " + gridDimension + "-D one");
		}
		if (grid.length == 0 || grid.length % gridDimension != 0) {
			throw new IllegalArgumentException("grid of " + grid.length +
				" values is not a whole number of " + gridDimension + "-D points");
		}
		points = grid.length / gridDimension;
		fold1Code = layers.columns("decoder.folding1.0", 0, CODEWORD, true);
		try (NDArray g = manager.create(grid, new Shape(points, gridDimension))) {
			fold1Grid = layers.columns("decoder.folding1.0", CODEWORD, in1, false).apply(g);
		}
		fold1b = layers.full("decoder.folding1.2");
		fold1c = layers.full("decoder.folding1.4");
		fold2Code = layers.columns("decoder.folding2.0", 0, CODEWORD, true);
		fold2Point = layers.columns("decoder.folding2.0", CODEWORD, CODEWORD + 3, false);
		fold2b = layers.full("decoder.folding2.2");
		fold2c = layers.full("decoder.folding2.4");
	}

	int points() {
		return points;
	}

	/** Reconstructions {@code (B, M, 3)} of codewords {@code (B, 512)}, which live on a call's manager. */
	NDArray decode(final NDArray codewords) {
		final NDArray perPoint;
		try (NDArray f1 = fold(codewords, fold1Code, fold1Grid, fold1b, fold1c)) {
			perPoint = fold2Point.apply(f1);
		}
		try (perPoint) {
			return fold(codewords, fold2Code, perPoint, fold2b, fold2c);
		}
	}

	/** relu(code·Wc + b + perPoint) -> relu(512) -> 3, broadcasting the codeword over points. */
	private static NDArray fold(final NDArray codewords, final PointLinear code,
		final NDArray perPoint, final PointLinear second, final PointLinear third)
	{
		final long b = codewords.getShape().get(0);
		try (NDArray c = code.apply(codewords);
			NDArray c3 = c.reshape(b, 1, c.getShape().get(1));
			NDArray sum = c3.add(perPoint);
			NDArray h1 = sum.maximum(0f);
			NDArray h2 = second.applyRelu(h1))
		{
			return third.apply(h2);
		}
	}
}
