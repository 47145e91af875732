package org.braggcloud.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The paper's "foldnet" graph encoder (docs/pipeline.md §5), one batch of equally sized clouds
 * at a time. Points are kept as rows of a {@code (B*N, C)} matrix. Two things make it cheaper
 * than the paper's code for the same result: neighbours come from a kd-tree on the CPU
 * ({@link NeighbourRows}) and are pooled there ({@link NeighbourMaxPool}), and each linear
 * layer followed by a per-point layer with no activation between them is one fused product.
 */
final class FoldEncoder {

	private final int k;
	private final PointLinear[] mlp1;
	private final PointLinear graph1; // linear1 then conv1, fused: no activation between them
	private final PointLinear graph2; // linear2 then conv2, fused likewise
	private final PointLinear mlp2a;
	private final PointLinear mlp2b;

	FoldEncoder(final Layers layers, final int k) {
		if (k < 2) throw new IllegalArgumentException("k must be at least 2, got " + k);
		this.k = k;
		mlp1 = new PointLinear[] { layers.full("encoder.mlp1.0"), layers.full("encoder.mlp1.2"),
			layers.full("encoder.mlp1.4") };
		graph1 = layers.fused("encoder.linear1", "encoder.conv1");
		graph2 = layers.fused("encoder.linear2", "encoder.conv2");
		mlp2a = layers.full("encoder.mlp2.0");
		mlp2b = layers.full("encoder.mlp2.2");
	}

	/**
	 * Codewords {@code (B, 512)} of clouds {@code (B, N, 3)}; all temporaries on {@code m}.
	 *
	 * @param neighbours the clouds' {@link NeighbourRows}, computed with this encoder's k
	 * @param threads Java threads for the neighbour pooling
	 */
	NDArray encode(final NDManager m, final NDArray pts, final int[] neighbours, final int threads) {
		final long b = pts.getShape().get(0);
		final long n = pts.getShape().get(1);
		if (neighbours.length != b * n * k) {
			throw new IllegalArgumentException(neighbours.length + " neighbour entries for " + b +
				" clouds of " + n + " points and k = " + k);
		}
		final NDArray rows = pts.reshape(b * n, 3);
		NDArray x = localFeature(m, rows, neighbours);
		for (final PointLinear layer : mlp1) x = swap(x, layer.applyRelu(x));
		x = swap(x, maxPool(m, x, neighbours, threads));
		x = swap(x, graph1.applyRelu(x));
		x = swap(x, maxPool(m, x, neighbours, threads));
		x = swap(x, graph2.apply(x));
		try (NDArray perCloud = x.reshape(b, n, x.getShape().get(1))) {
			x = swap(x, perCloud.max(new int[] { 1 }));
		}
		x = swap(x, mlp2a.applyRelu(x));
		return swap(x, mlp2b.apply(x));
	}

	/** {@code (x, y, z, p ⊗ q)} per point, {@code q} its nearest other neighbour: (B*N, 12). */
	private NDArray localFeature(final NDManager m, final NDArray rows, final int[] neighbours) {
		final int bn = (int) rows.getShape().get(0);
		final long[] second = new long[bn];
		for (int i = 0; i < bn; i++) second[i] = neighbours[i * k + 1];
		try (NDArray index = m.create(second);
			NDArray q = rows.get(index);
			NDArray pc = rows.reshape(bn, 3, 1);
			NDArray qr = q.reshape(bn, 1, 3);
			NDArray outer = pc.mul(qr);
			NDArray flat = outer.reshape(bn, 9))
		{
			return rows.concat(flat, 1);
		}
	}

	/** Per-channel max over each point's k neighbours, on the CPU (see {@link NeighbourMaxPool}). */
	private NDArray maxPool(final NDManager m, final NDArray x, final int[] neighbours,
		final int threads)
	{
		final int channels = (int) x.getShape().get(1);
		final float[] pooled = NeighbourMaxPool.values(x.toFloatArray(), channels, neighbours, k,
			threads);
		return m.create(pooled, x.getShape());
	}

	/** Closes the spent intermediate; rows of the input cloud are never passed here. */
	private static NDArray swap(final NDArray old, final NDArray next) {
		if (old != next) old.close();
		return next;
	}
}
