package org.braggcloud.network.training;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.ndarray.NDManager;

/**
 * PyTorch's {@code torch.optim.Adam} (single-tensor path, no amsgrad), written out on the
 * parameter arrays so that training here follows the paper's optimiser step for step: L2 weight
 * decay added to the gradient, {@code m.lerp_(g, 1 - beta1)}, {@code v = beta2 v + (1 - beta2)
 * g^2}, bias corrections in double, {@code p -= lr / bc1 * m / (sqrt(v) / sqrt(bc2) + eps)}.
 */
final class Adam {

	private final List<NDArray> params;
	private final List<NDArray> m = new ArrayList<>();
	private final List<NDArray> v = new ArrayList<>();
	private final double lr;
	private final double beta1;
	private final double beta2;
	private final double eps;
	private final double weightDecay;
	private long step;

	/** Moment buffers are zeros on {@code manager}, the parameters' own. */
	Adam(final NDManager manager, final List<NDArray> params, final double lr,
		final double beta1, final double beta2, final double eps, final double weightDecay)
	{
		this.params = List.copyOf(params);
		for (final NDArray p : params) {
			m.add(manager.zeros(p.getShape(), p.getDataType()));
			v.add(manager.zeros(p.getShape(), p.getDataType()));
		}
		this.lr = lr;
		this.beta1 = beta1;
		this.beta2 = beta2;
		this.eps = eps;
		this.weightDecay = weightDecay;
	}

	/** PyTorch's defaults eps = 1e-8, betas (0.9, 0.999). */
	static Adam standard(final NDManager manager, final List<NDArray> params, final double lr,
		final double weightDecay)
	{
		return new Adam(manager, params, lr, 0.9, 0.999, 1e-8, weightDecay);
	}

	long steps() {
		return step;
	}

	/** First moments, one per parameter in the constructor's order (copies). */
	List<float[]> firstMoments() {
		return copies(m);
	}

	/** Second moments, one per parameter in the constructor's order (copies). */
	List<float[]> secondMoments() {
		return copies(v);
	}

	/** Continues from saved state: moments in the parameters' order and shapes, and the step count. */
	void restore(final long steps, final List<float[]> first, final List<float[]> second) {
		if (first.size() != params.size() || second.size() != params.size()) {
			throw new IllegalArgumentException("state for " + first.size() + "/" + second.size() +
				" parameters, the optimiser has " + params.size());
		}
		for (int i = 0; i < params.size(); i++) {
			m.get(i).set(first.get(i));
			v.get(i).set(second.get(i));
		}
		step = steps;
	}

	private static List<float[]> copies(final List<NDArray> arrays) {
		final List<float[]> out = new ArrayList<>();
		for (final NDArray a : arrays) out.add(a.toFloatArray());
		return out;
	}

	/**
	 * One update from the accumulated gradients, which are then zeroed (DJL's PyTorch engine
	 * accumulates them across backward calls, as PyTorch does). It writes to leaves in place, so
	 * it turns PyTorch's grad mode off itself: that mode is per thread, and a closed gradient
	 * collector restores whatever the thread had before (on for a fresh thread, such as a
	 * SciJava command's). Temporaries go on {@code scratch}.
	 */
	void step(final NDManager scratch) {
		final boolean gradMode = JniUtils.isGradMode();
		JniUtils.setGradMode(false);
		try {
			update(scratch);
		}
		finally {
			JniUtils.setGradMode(gradMode);
		}
	}

	private void update(final NDManager scratch) {
		step++;
		final double bc1 = 1 - Math.pow(beta1, step);
		final double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
		final double stepSize = lr / bc1;
		for (int i = 0; i < params.size(); i++) {
			final NDArray p = params.get(i);
			final NDArray mi = m.get(i);
			final NDArray vi = v.get(i);
			final NDArray grad = onto(scratch, p.getGradient());
			final NDArray g = weightDecay == 0 ? grad.duplicate()
				: grad.add(onto(scratch, p.mul((float) weightDecay)));
			mi.addi(g.sub(mi).muli((float) (1 - beta1)));
			vi.muli((float) beta2).addi(g.mul(g).muli((float) (1 - beta2)));
			final NDArray denom = onto(scratch, vi.sqrt()).divi((float) bc2Sqrt).addi((float) eps);
			p.subi(onto(scratch, mi.mul((float) stepSize)).divi(denom));
			grad.subi(grad);
		}
	}

	/** Ops on a parameter or buffer put their result on its manager; this moves it to scratch. */
	private static NDArray onto(final NDManager scratch, final NDArray a) {
		a.attach(scratch);
		return a;
	}
}
