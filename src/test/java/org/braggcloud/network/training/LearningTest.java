package org.braggcloud.network.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.braggcloud.clustering.KMeans;
import org.junit.jupiter.api.Test;

/**
 * Training for real on a small budget: three clearly different Gaussian blob shapes (like the
 * Bragg peaks the network meets: isotropic, elongated, split into two lobes). The loss must fall
 * and k-means on the codewords must still recover the shapes afterwards (a random network
 * already separates them; the check is that training keeps the codeword informative, which an
 * early "mean shape" phase can destroy). A 12 x 12 plane grid instead of 45 x 45 keeps the
 * decoder, the bulk of the cost, inside the test budget.
 */
class LearningTest {

	private static final int SHAPES = 3;
	private static final int PER_SHAPE = 24;
	private static final int POINTS = 256;
	private static final int EPOCHS = 15;
	private static final int BATCH = 8;
	private static final int K = 16;
	private static final int GRID_SIDE = 12;
	private static final double LR = 1e-3;
	/** Measured 8.3x fall at this budget; asserted with margin. */
	private static final double MIN_LOSS_FACTOR = 4;
	private static final double MIN_PURITY = 0.9;

	@Test
	void lossFallsAndCodewordsSeparateTheShapes() {
		final List<float[]> clouds = new ArrayList<>();
		final int[] labels = new int[SHAPES * PER_SHAPE];
		final SplittableRandom r = new SplittableRandom(2024);
		for (int i = 0; i < labels.length; i++) {
			labels[i] = i % SHAPES;
			clouds.add(blob(r, labels[i]));
		}
		final TrainingOptions options = TrainingOptions.paper(BATCH).withK(K).withLearningRate(LR)
			.withPlane(GRID_SIDE);
		System.out.printf("FoldingNet training budget: %d clouds x %d points, %d epochs, batch %d, " +
			"k %d, lr %.0e, %dx%d plane grid%n", clouds.size(), POINTS, EPOCHS, BATCH, K, LR,
			GRID_SIDE, GRID_SIDE);
		try (FoldingNetTrainer trainer = FoldingNetTrainer.initialised(options, 1)) {
			final double[] losses = new double[EPOCHS];
			final long t0 = System.nanoTime();
			for (int e = 0; e < EPOCHS; e++) losses[e] = trainer.epoch(clouds, BATCH, 100 + e);
			final double seconds = (System.nanoTime() - t0) * 1e-9;
			final double factor = losses[0] / losses[EPOCHS - 1];
			final int[] clusters = KMeans.clusters(SHAPES).seed(7).fit(toDouble(trainer.encode(clouds.toArray(new float[0][])))).labels();
			final double purity = purity(clusters, labels, SHAPES);
			System.out.printf("loss per cloud: first epoch %.3f, last %.3f, factor %.1f; %.2f s per " +
				"epoch, %.1f clouds/s; k-means purity %.3f%n", losses[0], losses[EPOCHS - 1],
				factor, seconds / EPOCHS, clouds.size() * EPOCHS / seconds, purity);
			final StringBuilder all = new StringBuilder("losses:");
			for (final double l : losses) all.append(String.format(" %.3f", l));
			System.out.println(all);
			assertTrue(factor >= MIN_LOSS_FACTOR, "loss fell only " + factor + "x");
			assertTrue(purity >= MIN_PURITY, "k-means purity " + purity);
		}
	}

	/** 0: isotropic; 1: elongated along z; 2: two lobes split along x. Sizes jittered by 5 %. */
	static float[] blob(final SplittableRandom r, final int shape) {
		final double j = r.nextDouble(0.95, 1.05);
		final float[] c = new float[3 * POINTS];
		for (int p = 0; p < POINTS; p++) {
			final double[] s;
			double cx = 0;
			if (shape == 0) s = new double[] { 0.35, 0.35, 0.35 };
			else if (shape == 1) s = new double[] { 0.12, 0.12, 0.5 };
			else {
				s = new double[] { 0.12, 0.12, 0.12 };
				cx = p % 2 == 0 ? -0.6 : 0.6;
			}
			for (int d = 0; d < 3; d++) {
				c[3 * p + d] = (float) ((d == 0 ? cx * j : 0) + s[d] * j * gaussian(r));
			}
		}
		return c;
	}

	/**
	 * A standard normal truncated at 2 sigma: a lone far tail point would dominate both the
	 * Chamfer sum and the max-pooled codeword, and make k-means cluster outliers, not shapes.
	 */
	private static double gaussian(final SplittableRandom r) {
		double z;
		do {
			final double u = 1 - r.nextDouble();
			z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
		}
		while (Math.abs(z) > 2);
		return z;
	}

	/** Fraction of items whose cluster's majority label is their own label. */
	static double purity(final int[] clusters, final int[] labels, final int k) {
		int agree = 0;
		for (int c = 0; c < k; c++) {
			final int[] counts = new int[k];
			for (int i = 0; i < clusters.length; i++) if (clusters[i] == c) counts[labels[i]]++;
			int best = 0;
			for (final int n : counts) best = Math.max(best, n);
			agree += best;
		}
		return agree / (double) clusters.length;
	}

	private static double[][] toDouble(final float[][] rows) {
		final double[][] out = new double[rows.length][];
		for (int i = 0; i < rows.length; i++) {
			out[i] = new double[rows[i].length];
			for (int j = 0; j < rows[i].length; j++) out[i][j] = rows[i][j];
		}
		return out;
	}
}
