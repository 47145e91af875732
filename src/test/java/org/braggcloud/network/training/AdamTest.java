package org.braggcloud.network.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

/**
 * Two Adam steps on loss = sum(c * p^2) against PyTorch's update rule worked out by hand in
 * double: the second step checks the moment recursion and both bias corrections.
 */
class AdamTest {

	private static final double LR = 0.01;
	private static final double WD = 0.1;
	private static final double B1 = 0.9;
	private static final double B2 = 0.999;
	private static final double EPS = 1e-8;

	@Test
	void twoStepsEqualPyTorchsUpdateByHand() {
		final double[] c = { 1.5, -0.5, 3.0, 0.25 };
		final double[] p = { 0.3, -1.2, 0.7, 2.0 };
		final float[] ours;
		try (NDManager m = NDManager.newBaseManager("PyTorch")) {
			final NDArray param = m.create(toFloat(p));
			param.setRequiresGradient(true);
			final NDArray coeff = m.create(toFloat(c));
			final Adam adam = new Adam(m, List.of(param), LR, B1, B2, EPS, WD);
			for (int s = 0; s < 2; s++) {
				try (NDManager scratch = m.newSubManager()) {
					try (GradientCollector g = Engine.getInstance().newGradientCollector()) {
						g.backward(param.square().mul(coeff).sum());
					}
					adam.step(scratch);
				}
			}
			ours = param.toFloatArray();
		}
		final double[] mom = new double[p.length];
		final double[] vel = new double[p.length];
		for (int t = 1; t <= 2; t++) {
			for (int i = 0; i < p.length; i++) {
				final double grad = 2 * c[i] * p[i] + WD * p[i];
				mom[i] = B1 * mom[i] + (1 - B1) * grad;
				vel[i] = B2 * vel[i] + (1 - B2) * grad * grad;
				final double denom = Math.sqrt(vel[i]) / Math.sqrt(1 - Math.pow(B2, t)) + EPS;
				p[i] -= LR / (1 - Math.pow(B1, t)) * mom[i] / denom;
			}
		}
		for (int i = 0; i < p.length; i++) assertEquals(p[i], ours[i], 1e-6, "parameter " + i);
	}

	private static float[] toFloat(final double[] v) {
		final float[] f = new float[v.length];
		for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
		return f;
	}
}
