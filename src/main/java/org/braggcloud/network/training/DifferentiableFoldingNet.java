package org.braggcloud.network.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The forward pass of docs/pipeline.md §5 on trainable parameters, written with ops that DJL's
 * autograd differentiates (the inference classes hold constant weights). The neighbour pool is
 * a gather of all k neighbours followed by a max over them, as the paper's code does, so the
 * gradient goes to one neighbour per channel, as PyTorch's max sends it. Every temporary goes
 * on the call's manager.
 */
final class DifferentiableFoldingNet {

	private static final int CODEWORD = LayerSpec.CODEWORD;

	private final NetworkParameters p;
	private final int k;

	DifferentiableFoldingNet(final NetworkParameters parameters, final int k) {
		if (k < 2) throw new IllegalArgumentException("k must be at least 2, got " + k);
		this.p = parameters;
		this.k = k;
	}

	/** Codewords {@code (B, 512)} of clouds {@code (B, N, 3)} living on {@code m}. */
	NDArray encode(final NDManager m, final NDArray pts) {
		final long b = pts.getShape().get(0);
		final long n = pts.getShape().get(1);
		if (n < k) throw new IllegalArgumentException("clouds of " + n + " points, fewer than k = " + k);
		final NDArray rows = pts.reshape(b * n, 3);
		final NDArray idx = neighbourRows(m, pts);
		final NDArray second = idx.get(new NDIndex(":, 1"));
		final NDArray outer = rows.reshape(b * n, 3, 1).mul(rows.get(second).reshape(b * n, 1, 3));
		NDArray x = rows.concat(outer.reshape(b * n, 9), 1);
		x = p.layer("encoder.mlp1.0").applyRelu(x);
		x = p.layer("encoder.mlp1.2").applyRelu(x);
		x = p.layer("encoder.mlp1.4").applyRelu(x);
		final NDArray flatIdx = idx.reshape(b * n * k);
		x = p.layer("encoder.linear1").apply(maxPool(x, flatIdx));
		x = p.layer("encoder.conv1").applyRelu(x);
		x = p.layer("encoder.linear2").apply(maxPool(x, flatIdx));
		x = p.layer("encoder.conv2").apply(x);
		x = x.reshape(b, n, x.getShape().get(1)).max(new int[] { 1 });
		x = p.layer("encoder.mlp2.0").applyRelu(x);
		return p.layer("encoder.mlp2.2").apply(x);
	}

	/** Reconstructions {@code (B, M, 3)} of codewords {@code (B, 512)} over grid {@code (M, d)}. */
	NDArray decode(final NDManager m, final NDArray codewords, final NDArray grid) {
		final int d = p.gridDimension();
		final NDArray f1 = fold(m, codewords, "decoder.folding1",
			p.layer("decoder.folding1.0").applyColumns(m, grid, CODEWORD, CODEWORD + d));
		return fold(m, codewords, "decoder.folding2",
			p.layer("decoder.folding2.0").applyColumns(m, f1, CODEWORD, CODEWORD + 3));
	}

	/**
	 * relu(code·Wc + b + perPoint) -> relu(512) -> 3: the concat layer split into its codeword
	 * block, once per cloud, and its per-point block; the same sum at half the cost.
	 */
	private NDArray fold(final NDManager m, final NDArray codewords, final String prefix,
		final NDArray perPoint)
	{
		final TrainableLayer first = p.layer(prefix + ".0");
		final long b = codewords.getShape().get(0);
		final NDArray code = first.applyColumns(m, codewords, 0, CODEWORD).add(first.bias());
		final NDArray h1 = code.reshape(b, 1, code.getShape().get(1)).add(perPoint).maximum(0f);
		final NDArray h2 = p.layer(prefix + ".2").applyRelu(h1);
		return p.layer(prefix + ".4").apply(h2);
	}

	/** Per-channel max over each point's k neighbours: gather (B*N*k, C), then max over k. */
	private NDArray maxPool(final NDArray x, final NDArray flatIdx) {
		final long rows = flatIdx.getShape().get(0) / k;
		return x.get(flatIdx).reshape(new Shape(rows, k, x.getShape().get(1))).max(new int[] { 1 });
	}

	/**
	 * kNN rows {@code (B*N, k)} into the flattened cloud, by the paper's formula evaluated as
	 * in the inference encoder ({@code (2 xi.xj - |xj|^2) - |xi|^2}, then topk) so both pick
	 * the same neighbours. Constant: no gradient flows through indices.
	 */
	private NDArray neighbourRows(final NDManager m, final NDArray pts) {
		final long b = pts.getShape().get(0);
		final long n = pts.getShape().get(1);
		final NDArray xx = pts.square().sum(new int[] { 2 }, true);
		final NDArray pairwise = pts.matMul(pts.transpose(0, 2, 1)).mul(2f)
			.sub(xx.transpose(0, 2, 1)).sub(xx);
		final NDList top = pairwise.topK(k, -1, true, true);
		final NDArray offsets = m.arange(0, (int) (b * n), (int) n, DataType.INT64).reshape(b, 1, 1);
		return top.get(1).toType(DataType.INT64, false).add(offsets).reshape(b * n, k);
	}
}
