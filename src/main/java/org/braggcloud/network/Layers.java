package org.braggcloud.network;

import java.util.Arrays;

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

	/**
	 * {@code second(first(x))} as one layer: weight {@code W2 W1}, bias {@code W2 b1 + b2},
	 * summed in double so the fused weights round once.
	 */
	PointLinear fused(final String first, final String second) {
		final int[] s1 = weights.shape(first + ".weight");
		final int[] s2 = weights.shape(second + ".weight");
		if (s2[1] != s1[0]) {
			throw new IllegalArgumentException("'" + second + "' takes " + s2[1] + " inputs, '" +
				first + "' gives " + s1[0]);
		}
		final float[] w1 = weights.weight(first + ".weight");
		final float[] b1 = weights.weight(first + ".bias");
		final float[] w2 = weights.weight(second + ".weight");
		final float[] b2 = weights.weight(second + ".bias");
		final int in = s1[1];
		final int mid = s1[0];
		final int out = s2[0];
		final float[] w = new float[out * in];
		final float[] b = new float[out];
		final double[] row = new double[in];
		for (int o = 0; o < out; o++) {
			Arrays.fill(row, 0);
			double bias = b2[o];
			for (int j = 0; j < mid; j++) {
				final double a = w2[o * mid + j];
				bias += a * b1[j];
				for (int i = 0; i < in; i++) row[i] += a * w1[j * in + i];
			}
			for (int i = 0; i < in; i++) w[o * in + i] = (float) row[i];
			b[o] = (float) bias;
		}
		return PointLinear.of(manager, w, out, in, 0, in, b);
	}

	/** Number of inputs of layer {@code prefix}. */
	int inputs(final String prefix) {
		return weights.shape(prefix + ".weight")[1];
	}
}
