package org.braggcloud.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;

/**
 * The paper's "foldnet" graph encoder (docs/pipeline.md §5), one batch of equally sized clouds
 * at a time. Points are kept as rows of a {@code (B*N, C)} matrix so that every neighbour
 * gather is a plain row selection.
 */
final class FoldEncoder {

	private final int k;
	private final PointLinear[] mlp1;
	private final PointLinear linear1;
	private final PointLinear conv1;
	private final PointLinear linear2;
	private final PointLinear conv2;
	private final PointLinear mlp2a;
	private final PointLinear mlp2b;

	FoldEncoder(final Layers layers, final int k) {
		if (k < 2) throw new IllegalArgumentException("k must be at least 2, got " + k);
		this.k = k;
		mlp1 = new PointLinear[] { layers.full("encoder.mlp1.0"), layers.full("encoder.mlp1.2"),
			layers.full("encoder.mlp1.4") };
		linear1 = layers.full("encoder.linear1");
		conv1 = layers.full("encoder.conv1");
		linear2 = layers.full("encoder.linear2");
		conv2 = layers.full("encoder.conv2");
		mlp2a = layers.full("encoder.mlp2.0");
		mlp2b = layers.full("encoder.mlp2.2");
	}

	/** Codewords {@code (B, 512)} of clouds {@code (B, N, 3)}; all temporaries on {@code m}. */
	NDArray encode(final NDManager m, final NDArray pts) {
		final long b = pts.getShape().get(0);
		final long n = pts.getShape().get(1);
		if (n < k) {
			throw new IllegalArgumentException("clouds of " + n + " points, fewer than k = " + k);
		}
		final NDArray rows = pts.reshape(b * n, 3);
		final NDArray idx = neighbourRows(m, pts); // (B*N, k), global row numbers
		NDArray x = localFeature(rows, idx);
		for (final PointLinear layer : mlp1) x = swap(x, layer.applyRelu(x));
		final NDArray[] columns = columns(idx);
		x = swap(x, maxPool(x, columns));
		x = swap(x, linear1.apply(x));
		x = swap(x, conv1.applyRelu(x));
		x = swap(x, maxPool(x, columns));
		x = swap(x, linear2.apply(x));
		x = swap(x, conv2.apply(x));
		try (NDArray perCloud = x.reshape(b, n, x.getShape().get(1))) {
			x = swap(x, perCloud.max(new int[] { 1 }));
		}
		x = swap(x, mlp2a.applyRelu(x));
		return swap(x, mlp2b.apply(x));
	}

	/**
	 * kNN by the paper's own formula {@code (-|xj|^2 - (-2 xi.xj)) - |xi|^2}, then topk, so
	 * ties and rounding fall the same way; returns indices into the {@code (B*N)} rows. It is
	 * evaluated in place as {@code (2 xi.xj - |xj|^2) - |xi|^2}, which IEEE arithmetic rounds
	 * identically (negation and doubling are exact, addition commutes) without four (B, N, N)
	 * temporaries.
	 */
	private NDArray neighbourRows(final NDManager m, final NDArray pts) {
		final long b = pts.getShape().get(0);
		final long n = pts.getShape().get(1);
		try (NDArray sq = pts.square();
			NDArray xx = sq.sum(new int[] { 2 }, true); // (B, N, 1)
			NDArray xxT = xx.transpose(0, 2, 1);
			NDArray ptsT = pts.transpose(0, 2, 1);
			NDArray pairwise = pts.matMul(ptsT))
		{
			pairwise.muli(2f).subi(xxT).subi(xx);
			final NDList top = pairwise.topK(k, -1, true, true);
			try (top; NDArray offsets = m.arange(0, (int) (b * n), (int) n, DataType.INT64)
				.reshape(b, 1, 1); NDArray local = top.get(1).toType(DataType.INT64, false))
			{
				return local.add(offsets).reshape(b * n, k);
			}
		}
	}

	/** {@code (x, y, z, p ⊗ q)} per point, {@code q} its nearest other neighbour: (B*N, 12). */
	private static NDArray localFeature(final NDArray rows, final NDArray idx) {
		final long bn = rows.getShape().get(0);
		try (NDArray second = idx.get(new NDIndex(":, 1"));
			NDArray q = rows.get(second);
			NDArray pc = rows.reshape(bn, 3, 1);
			NDArray qr = q.reshape(bn, 1, 3);
			NDArray outer = pc.mul(qr);
			NDArray flat = outer.reshape(bn, 9))
		{
			return rows.concat(flat, 1);
		}
	}

	/** The j-th neighbour of every point, one index array per j, shared by both pools. */
	private NDArray[] columns(final NDArray idx) {
		final NDArray[] columns = new NDArray[k];
		for (int j = 0; j < k; j++) columns[j] = idx.get(new NDIndex(":, {}", j));
		return columns;
	}

	/**
	 * Per-channel max over each point's k neighbours, by row selection on {@code (B*N, C)}: a
	 * running maximum over the k neighbour columns, which never holds a (B*N*k, C) array.
	 */
	private static NDArray maxPool(final NDArray x, final NDArray[] columns) {
		NDArray acc = x.get(columns[0]);
		for (int j = 1; j < columns.length; j++) {
			try (NDArray rows = x.get(columns[j])) {
				acc = swap(acc, acc.maximum(rows));
			}
		}
		return acc;
	}

	/** Closes the spent intermediate; rows of the input cloud are never passed here. */
	private static NDArray swap(final NDArray old, final NDArray next) {
		if (old != next) old.close();
		return next;
	}
}
