package org.braggcloud.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * One per-point linear layer (a kernel-1 Conv1d or an nn.Linear) held transposed, so that rows
 * of points {@code (..., in)} map to {@code (..., out)} by one right-multiplication.
 */
final class PointLinear {

	private final NDArray weightT;
	private final NDArray bias;

	private PointLinear(final NDArray weightT, final NDArray bias) {
		this.weightT = weightT;
		this.bias = bias;
	}

	/**
	 * Takes columns {@code [from, to)} of a PyTorch weight {@code (out, in[, 1])}, row-major;
	 * {@code bias} may be null, which is how a split-off block of a layer is held.
	 */
	static PointLinear of(final NDManager manager, final float[] weight, final int out,
		final int in, final int from, final int to, final float[] bias)
	{
		final int width = to - from;
		final float[] t = new float[width * out];
		for (int o = 0; o < out; o++) {
			for (int i = from; i < to; i++) t[(i - from) * out + o] = weight[o * in + i];
		}
		final NDArray w = manager.create(t, new Shape(width, out));
		final NDArray b = bias == null ? null : manager.create(bias, new Shape(out));
		return new PointLinear(w, b);
	}

	/** {@code x W^T + b}; the result lives on {@code x}'s manager. */
	NDArray apply(final NDArray x) {
		final NDArray y = x.matMul(weightT);
		return bias == null ? y : y.addi(bias);
	}

	/** {@code relu(x W^T + b)}. */
	NDArray applyRelu(final NDArray x) {
		final NDArray y = apply(x);
		final NDArray z = y.maximum(0f);
		y.close();
		return z;
	}

	int outputs() {
		return (int) weightT.getShape().get(1);
	}
}
