package org.braggcloud.network.training;

import java.util.SplittableRandom;

/** A tiny seeded k-means (Lloyd, k-means++ start, best of several restarts) for tests. */
final class KMeans {

	private static final int RESTARTS = 10;
	private static final int ITERATIONS = 100;

	private KMeans() {}

	static int[] cluster(final float[][] x, final int k, final long seed) {
		final SplittableRandom r = new SplittableRandom(seed);
		int[] best = null;
		double bestCost = Double.POSITIVE_INFINITY;
		for (int t = 0; t < RESTARTS; t++) {
			final double[][] centres = start(x, k, r);
			final int[] assign = new int[x.length];
			for (int it = 0; it < ITERATIONS; it++) {
				assignAll(x, centres, assign);
				update(x, centres, assign);
			}
			final double cost = assignAll(x, centres, assign);
			if (cost < bestCost) {
				bestCost = cost;
				best = assign;
			}
		}
		return best;
	}

	private static double[][] start(final float[][] x, final int k, final SplittableRandom r) {
		final double[][] c = new double[k][];
		c[0] = toDouble(x[r.nextInt(x.length)]);
		for (int j = 1; j < k; j++) {
			final double[] d = new double[x.length];
			double total = 0;
			for (int i = 0; i < x.length; i++) {
				d[i] = Double.POSITIVE_INFINITY;
				for (int q = 0; q < j; q++) d[i] = Math.min(d[i], dist2(x[i], c[q]));
				total += d[i];
			}
			double u = r.nextDouble() * total;
			int pick = 0;
			while (pick < x.length - 1 && (u -= d[pick]) > 0) pick++;
			c[j] = toDouble(x[pick]);
		}
		return c;
	}

	private static double assignAll(final float[][] x, final double[][] c, final int[] assign) {
		double cost = 0;
		for (int i = 0; i < x.length; i++) {
			double best = Double.POSITIVE_INFINITY;
			for (int j = 0; j < c.length; j++) {
				final double d = dist2(x[i], c[j]);
				if (d < best) {
					best = d;
					assign[i] = j;
				}
			}
			cost += best;
		}
		return cost;
	}

	private static void update(final float[][] x, final double[][] c, final int[] assign) {
		for (int j = 0; j < c.length; j++) {
			final double[] sum = new double[x[0].length];
			int n = 0;
			for (int i = 0; i < x.length; i++) {
				if (assign[i] != j) continue;
				n++;
				for (int d = 0; d < sum.length; d++) sum[d] += x[i][d];
			}
			if (n == 0) continue; // keep an emptied centre where it was
			for (int d = 0; d < sum.length; d++) sum[d] /= n;
			c[j] = sum;
		}
	}

	private static double dist2(final float[] a, final double[] b) {
		double s = 0;
		for (int d = 0; d < a.length; d++) {
			final double t = a[d] - b[d];
			s += t * t;
		}
		return s;
	}

	private static double[] toDouble(final float[] a) {
		final double[] d = new double[a.length];
		for (int i = 0; i < a.length; i++) d[i] = a[i];
		return d;
	}
}
