package org.braggcloud.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Neighbour rows as the paper's code finds them: the dense score
 * {@code (-|xj|^2 - (-2 xi.xj)) - |xi|^2} in float32, then libtorch's top-k, so ties and rounding
 * fall the same way. It is evaluated as {@code (2 xi.xj - |xj|^2) - |xi|^2}, which IEEE
 * arithmetic rounds identically (negation and doubling are exact, addition commutes), one cloud
 * at a time so the (N, N) scores stay small.
 */
final class PaperNeighbourRows {

	private PaperNeighbourRows() {}

	static int[] of(final float[][] clouds, final int k) {
		final int n = clouds[0].length / 3;
		if (k < 1 || k > n) {
			throw new IllegalArgumentException("k = " + k + " neighbours in clouds of " + n + " points");
		}
		final int[] rows = new int[clouds.length * n * k];
		try (NDManager m = NDManager.newBaseManager("PyTorch")) {
			for (int c = 0; c < clouds.length; c++) {
				if (clouds[c].length != 3 * n) {
					throw new IllegalArgumentException("cloud " + c + " has " + clouds[c].length / 3 +
						" points, cloud 0 has " + n + ": a batch needs equal sizes");
				}
				try (NDManager scope = m.newSubManager()) {
					final NDArray pts = scope.create(clouds[c], new Shape(n, 3));
					final NDArray xx = pts.square().sum(new int[] { 1 }, true); // (N, 1)
					final NDArray scores = pts.matMul(pts.transpose()).muli(2f).subi(xx.transpose()).subi(xx);
					final NDList top = scores.topK(k, -1, true, true);
					final long[] local = top.get(1).toType(DataType.INT64, false).toLongArray();
					for (int i = 0; i < local.length; i++) rows[c * n * k + i] = c * n + (int) local[i];
				}
			}
		}
		return rows;
	}
}
