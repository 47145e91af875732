package org.braggcloud.clustering;

import java.util.SplittableRandom;

/** Test data with known clusters: Gaussian blobs around random centres. */
final class Blobs {

	final double[][] rows;
	final int[] truth;

	private Blobs(final double[][] rows, final int[] truth) {
		this.rows = rows;
		this.truth = truth;
	}

	/**
	 * {@code k} blobs of {@code perBlob} rows in {@code d} dimensions, unit noise, centres drawn with
	 * standard deviation {@code spread} per coordinate; rows interleaved (row i is in blob i % k).
	 */
	static Blobs make(final int k, final int perBlob, final int d, final double spread, final long seed) {
		final SplittableRandom r = new SplittableRandom(seed);
		final double[][] centres = new double[k][d];
		for (final double[] c : centres)
			for (int j = 0; j < d; j++)
				c[j] = spread * gaussian(r);
		final double[][] rows = new double[k * perBlob][d];
		final int[] truth = new int[rows.length];
		for (int i = 0; i < rows.length; i++) {
			truth[i] = i % k;
			for (int j = 0; j < d; j++)
				rows[i][j] = centres[truth[i]][j] + gaussian(r);
		}
		return new Blobs(rows, truth);
	}

	static Blobs of(final double[][] rows, final int[] truth) {
		return new Blobs(rows, truth);
	}

	static double gaussian(final SplittableRandom r) {
		// Box-Muller; SplittableRandom has no nextGaussian before Java 17's RandomGenerator default
		final double u = 1 - r.nextDouble(), v = r.nextDouble();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}
}
