package org.braggcloud.network.training;

import org.braggcloud.network.NeighbourMaxPool;
import org.braggcloud.network.NeighbourRows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The forward pass of docs/pipeline.md §5 on trainable parameters, written with ops that DJL's
 * autograd differentiates (the inference classes hold constant weights). Neighbours come from
 * the CPU, as in inference; the neighbour pool sends each gradient to one neighbour per channel,
 * as PyTorch's max does. Every temporary goes on the call's manager.
 * <p>
 * No op here takes a Java number ({@code maximum(0f)}, {@code mul(2f)}): DJL makes such a scalar
 * a tensor over a direct buffer and closes it when the op returns, but autograd keeps that tensor
 * for the backward pass, which then reads memory the garbage collector may have freed and reused.
 * That made training depend on GC timing; ReLU is libtorch's own {@code relu}, which saves
 * nothing of ours.
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

	/**
	 * Codewords {@code (B, 512)} of clouds {@code (B, N, 3)} living on {@code m}.
	 *
	 * @param neighbours the clouds' {@link NeighbourRows}, with this network's k
	 * @param threads Java threads for the pooling's bookkeeping
	 */
	NDArray encode(final NDManager m, final NDArray pts, final int[] neighbours, final int threads) {
		final long b = pts.getShape().get(0);
		final long n = pts.getShape().get(1);
		if (neighbours.length != b * n * k) {
			throw new IllegalArgumentException(neighbours.length + " neighbour entries for " + b +
				" clouds of " + n + " points and k = " + k);
		}
		final int bn = (int) (b * n);
		final long[] second = new long[bn];
		for (int i = 0; i < bn; i++) second[i] = neighbours[i * k + 1];
		final NDArray rows = pts.reshape(bn, 3);
		final NDArray outer = rows.reshape(bn, 3, 1).mul(rows.get(m.create(second)).reshape(bn, 1, 3));
		NDArray x = rows.concat(outer.reshape(bn, 9), 1);
		x = p.layer("encoder.mlp1.0").applyRelu(x);
		x = p.layer("encoder.mlp1.2").applyRelu(x);
		x = p.layer("encoder.mlp1.4").applyRelu(x);
		x = TrainableLayer.relu(fused(m, "encoder.linear1", "encoder.conv1", maxPool(m, x, neighbours, threads)));
		x = fused(m, "encoder.linear2", "encoder.conv2", maxPool(m, x, neighbours, threads));
		x = x.reshape(b, n, x.getShape().get(1)).max(new int[] { 1 });
		x = p.layer("encoder.mlp2.0").applyRelu(x);
		return p.layer("encoder.mlp2.2").apply(x);
	}

	/**
	 * {@code second(first(x))} with no activation between, as one product with the weight
	 * {@code W1^T W2^T} (formed each step, so gradients reach both layers): the per-point work of
	 * one layer saved.
	 */
	private NDArray fused(final NDManager m, final String first, final String second, final NDArray x) {
		final TrainableLayer a = p.layer(first);
		final TrainableLayer c = p.layer(second);
		// products of two leaves land on the leaves' manager: move them to the step's
		final NDArray weight = a.weightT().matMul(c.weightT());
		weight.attach(m);
		final NDArray biasPart = a.bias().matMul(c.weightT());
		biasPart.attach(m);
		return x.matMul(weight).add(biasPart.add(c.bias()));
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
		final NDArray h1 = TrainableLayer.relu(code.reshape(b, 1, code.getShape().get(1)).add(perPoint));
		final NDArray h2 = p.layer(prefix + ".2").applyRelu(h1);
		return p.layer(prefix + ".4").apply(h2);
	}

	/**
	 * Per-channel max over each point's k neighbours: the winners are found on the CPU
	 * ({@link NeighbourMaxPool#sources}) and gathered from {@code x}, so autograd sends each
	 * gradient to the one element that won, as PyTorch's max does, without a (B*N*k, C) array.
	 */
	private NDArray maxPool(final NDManager m, final NDArray x, final int[] neighbours,
		final int threads)
	{
		final int channels = (int) x.getShape().get(1);
		final long[] sources = NeighbourMaxPool.sources(x.toFloatArray(), channels, neighbours, k, threads);
		return x.reshape(-1).get(m.create(sources)).reshape(x.getShape());
	}
}
