package org.braggcloud.network;

import org.braggcloud.network.checkpoint.FoldingNetWeights;

import ai.djl.ndarray.NDManager;

/** Builds {@link PointLinear}s from checkpoint keys, so the shape bookkeeping lives in one place. */
final class Layers {

	private final FoldingNetWeights weights;
	private final NDManager manager;

	Layers(final FoldingNetWeights weights, final NDManager manager) {
		this.weights = weights;
		this.manager = manager;
	}

	/** The whole layer {@code prefix.weight} / {@code prefix.bias}. */
	PointLinear full(final String prefix) {
		final int[] s = weights.shape(prefix + ".weight");
		return PointLinear.of(manager, weights.weight(prefix + ".weight"), s[0], s[1], 0, s[1],
			weights.weight(prefix + ".bias"));
	}

	/** Input columns {@code [from, to)} of the layer; with its bias only if {@code withBias}. */
	PointLinear columns(final String prefix, final int from, final int to,
		final boolean withBias)
	{
		final int[] s = weights.shape(prefix + ".weight");
		if (from < 0 || to > s[1] || from >= to) {
			throw new IllegalArgumentException("columns [" + from + ", " + to + ") outside '" +
				prefix + "' with " + s[1] + " inputs");
		}
		return PointLinear.of(manager, weights.weight(prefix + ".weight"), s[0], s[1], from, to,
			withBias ? weights.weight(prefix + ".bias") : null);
	}

	/** Number of inputs of layer {@code prefix}. */
	int inputs(final String prefix) {
		return weights.shape(prefix + ".weight")[1];
	}
}
