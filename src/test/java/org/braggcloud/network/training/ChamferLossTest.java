package org.braggcloud.network.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

/** The Chamfer loss against a brute-force double computation, value and gradient. */
class ChamferLossTest {

	private static final int B = 2;
	private static final int N = 5;
	private static final int M = 7;

	/** Both definitions: the paper's dense one and the kd-tree one used for training. */
	private static NDArray loss(final boolean tree, final NDManager m, final NDArray a, final NDArray b) {
		return tree ? ChamferLoss.byNearest(m, a, b, 2) : ChamferLoss.of(a, b);
	}

	@ParameterizedTest(name = "kd-tree {0}")
	@ValueSource(booleans = { false, true })
	void equalsBruteForceSumOverBothDirectionsAndBatch(final boolean tree) {
		final SplittableRandom r = new SplittableRandom(3);
		final float[] a = random(r, B * N * 3);
		final float[] b = random(r, B * M * 3);
		try (NDManager m = NDManager.newBaseManager("PyTorch")) {
			final double ours = loss(tree, m, m.create(a, new Shape(B, N, 3)),
				m.create(b, new Shape(B, M, 3))).getFloat();
			final double expected = bruteForce(a, b);
			assertEquals(expected, ours, 1e-5 * expected);
		}
	}

	@ParameterizedTest(name = "kd-tree {0}")
	@ValueSource(booleans = { false, true })
	void identicalCloudsHaveZeroLossAndHandExampleMatches(final boolean tree) {
		try (NDManager m = NDManager.newBaseManager("PyTorch")) {
			// a = {(0,0,0), (2,0,0)}, b = {(0,0,1)}: a->b 1 + 5, b->a 1.
			final NDArray a = m.create(new float[] { 0, 0, 0, 2, 0, 0 }, new Shape(1, 2, 3));
			final NDArray b = m.create(new float[] { 0, 0, 1 }, new Shape(1, 1, 3));
			assertEquals(7.0, loss(tree, m, a, b).getFloat(), 1e-6);
			assertEquals(0.0, loss(tree, m, a, a).getFloat(), 1e-6);
		}
	}

	@ParameterizedTest(name = "kd-tree {0}")
	@ValueSource(booleans = { false, true })
	void gradientMatchesNearestNeighbourFormula(final boolean tree) {
		final SplittableRandom r = new SplittableRandom(5);
		final float[] a = random(r, B * N * 3);
		final float[] b = random(r, B * M * 3);
		final float[] grad;
		try (NDManager m = NDManager.newBaseManager("PyTorch")) {
			final NDArray pa = m.create(a, new Shape(B, N, 3));
			pa.setRequiresGradient(true);
			try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
				c.backward(loss(tree, m, pa, m.create(b, new Shape(B, M, 3))));
			}
			grad = pa.getGradient().toFloatArray();
		}
		final double[] expected = new double[a.length];
		for (int s = 0; s < B; s++) {
			for (int i = 0; i < N; i++) {
				final int j = nearest(a, s * N + i, b, s * M, M);
				for (int c = 0; c < 3; c++) expected[3 * (s * N + i) + c] += 2 * (a[3 * (s * N + i) + c] - b[3 * j + c]);
			}
			for (int j = 0; j < M; j++) {
				final int i = nearest(b, s * M + j, a, s * N, N);
				for (int c = 0; c < 3; c++) expected[3 * i + c] += 2 * (a[3 * i + c] - b[3 * (s * M + j) + c]);
			}
		}
		for (int i = 0; i < a.length; i++) assertEquals(expected[i], grad[i], 1e-5, "gradient " + i);
	}

	private static double bruteForce(final float[] a, final float[] b) {
		double sum = 0;
		for (int s = 0; s < B; s++) {
			for (int i = 0; i < N; i++) sum += dist2(a, s * N + i, b, nearest(a, s * N + i, b, s * M, M));
			for (int j = 0; j < M; j++) sum += dist2(b, s * M + j, a, nearest(b, s * M + j, a, s * N, N));
		}
		return sum;
	}

	/** Global index of the point of {@code q[from, from + count)} nearest to {@code p[i]}. */
	private static int nearest(final float[] p, final int i, final float[] q, final int from,
		final int count)
	{
		int best = from;
		for (int j = from + 1; j < from + count; j++) {
			if (dist2(p, i, q, j) < dist2(p, i, q, best)) best = j;
		}
		return best;
	}

	private static double dist2(final float[] p, final int i, final float[] q, final int j) {
		double d = 0;
		for (int c = 0; c < 3; c++) {
			final double t = (double) p[3 * i + c] - q[3 * j + c];
			d += t * t;
		}
		return d;
	}

	private static float[] random(final SplittableRandom r, final int n) {
		final float[] v = new float[n];
		for (int i = 0; i < n; i++) v[i] = (float) r.nextDouble(-1, 1);
		return v;
	}
}
