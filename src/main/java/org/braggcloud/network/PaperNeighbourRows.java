package org.braggcloud.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Neighbour rows as the paper's code finds them: the dense float32 score
 * {@code (-|xj|^2 - (-2 xi.xj)) - |xi|^2}, then libtorch's top-k.
 * <p>
 * On raw index coordinates (tens to hundreds) the score loses most of its digits, and a few
 * percent of the points of a Bragg-peak cloud then have a neighbour that the rounding decides. So
 * the score is evaluated in plain IEEE float32 in the order written (dot products summed left to
 * right, no fused multiply-add), as PyTorch computes it over a reference BLAS: the scores are the
 * same bit for bit, on every machine, where a BLAS that fuses or reorders (MKL, cuBLAS) would
 * round them its own way. Equal scores are then ordered by libtorch's own top-k, as in PyTorch.
 */
final class PaperNeighbourRows {

	private PaperNeighbourRows() {}

	static int[] of(final float[][] clouds, final int k) {
		final int n = clouds[0].length / 3;
		if (k < 1 || k > n) {
			throw new IllegalArgumentException("k = " + k + " neighbours in clouds of " + n + " points");
		}
		final int[] rows = new int[clouds.length * n * k];
		final float[] score = new float[n * n];
		try (NDManager m = NDManager.newBaseManager("PyTorch")) {
			for (int c = 0; c < clouds.length; c++) {
				if (clouds[c].length != 3 * n) {
					throw new IllegalArgumentException("cloud " + c + " has " + clouds[c].length / 3 +
						" points, cloud 0 has " + n + ": a batch needs equal sizes");
				}
				scores(clouds[c], n, score);
				try (NDManager scope = m.newSubManager()) {
					final NDList top = scope.create(score, new Shape(n, n)).topK(k, -1, true, true);
					final long[] local = top.get(1).toType(DataType.INT64, false).toLongArray();
					for (int i = 0; i < local.length; i++) rows[c * n * k + i] = c * n + (int) local[i];
				}
			}
		}
		return rows;
	}

	private static void scores(final float[] p, final int n, final float[] score) {
		final float[] xx = new float[n];
		for (int i = 0; i < n; i++)
			xx[i] = (p[3 * i] * p[3 * i] + p[3 * i + 1] * p[3 * i + 1]) + p[3 * i + 2] * p[3 * i + 2];
		for (int i = 0; i < n; i++) {
			final float x = p[3 * i], y = p[3 * i + 1], z = p[3 * i + 2];
			for (int j = 0; j < n; j++) {
				final float inner = (x * p[3 * j] + y * p[3 * j + 1]) + z * p[3 * j + 2];
				score[i * n + j] = (-xx[j] - inner * -2f) - xx[i];
			}
		}
	}
}
