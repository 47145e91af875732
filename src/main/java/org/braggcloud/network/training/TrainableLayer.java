package org.braggcloud.network.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * A per-point linear layer whose weight and bias are autograd leaves. The weight is held
 * transposed, {@code (in, out)}, so the input is always the left operand: DJL puts an op's
 * result on the left operand's manager, and that keeps every temporary on the step's manager.
 */
final class TrainableLayer {

	private final LayerSpec spec;
	private final NDArray weightT;
	private final NDArray bias;

	/** @param weight PyTorch layout {@code (out, in[, 1])}, row-major */
	TrainableLayer(final NDManager manager, final LayerSpec spec, final float[] weight,
		final float[] bias)
	{
		this.spec = spec;
		weightT = manager.create(internalLayout(weight), new Shape(spec.in(), spec.out()));
		this.bias = manager.create(bias, new Shape(spec.out()));
		weightT.setRequiresGradient(true);
		this.bias.setRequiresGradient(true);
	}

	LayerSpec spec() {
		return spec;
	}

	NDArray weightT() {
		return weightT;
	}

	NDArray bias() {
		return bias;
	}

	/** {@code x W^T + b}. */
	NDArray apply(final NDArray x) {
		return x.matMul(weightT).add(bias);
	}

	NDArray applyRelu(final NDArray x) {
		return relu(apply(x));
	}

	/**
	 * ReLU for autograd: libtorch's own, never DJL's {@code maximum(0f)}, whose scalar DJL frees
	 * while the backward pass still reads it (see {@link DifferentiableFoldingNet}).
	 */
	static NDArray relu(final NDArray x) {
		return x.getNDArrayInternal().relu();
	}

	/**
	 * {@code x W[:, from:to]^T}, no bias: one input block of a concat layer. The slice is a view
	 * of a leaf, so it is moved onto {@code scratch} to be freed with the step.
	 */
	NDArray applyColumns(final NDManager scratch, final NDArray x, final int from, final int to) {
		final NDArray block = weightT.get(new NDIndex(from + ":" + to));
		block.attach(scratch);
		return x.matMul(block);
	}

	/** The weight in PyTorch layout {@code (out, in)}, row-major. */
	float[] weight() {
		return torchLayout(weightT.toFloatArray());
	}

	/** Values shaped like {@link #weightT()}, {@code (in, out)}, to PyTorch's {@code (out, in)}. */
	float[] torchLayout(final float[] t) {
		final float[] w = new float[t.length];
		for (int o = 0; o < spec.out(); o++) {
			for (int i = 0; i < spec.in(); i++) w[o * spec.in() + i] = t[i * spec.out() + o];
		}
		return w;
	}

	/** The inverse of {@link #torchLayout}. */
	float[] internalLayout(final float[] w) {
		if (w.length != spec.out() * spec.in()) {
			throw new IllegalArgumentException(spec.name() + ": " + w.length + " weight values, expected " +
				spec.out() * spec.in());
		}
		final float[] t = new float[w.length];
		for (int o = 0; o < spec.out(); o++) {
			for (int i = 0; i < spec.in(); i++) t[i * spec.out() + o] = w[o * spec.in() + i];
		}
		return t;
	}
}
