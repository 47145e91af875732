package org.braggcloud.simulation;

import java.util.SplittableRandom;

/** Poisson variates: exact inversion for small means, normal approximation for large ones. */
final class PoissonSampler {

	/** Above this mean the normal approximation is accurate to well under the noise itself. */
	static final double NORMAL_THRESHOLD = 30.0;

	private PoissonSampler() {
	}

	static double sample(double mean, SplittableRandom rng) {
		if (!(mean > 0)) {
			return 0;
		}
		if (mean >= NORMAL_THRESHOLD) {
			return Math.max(0.0, Math.rint(mean + Math.sqrt(mean) * rng.nextGaussian()));
		}
		return sampleSmall(mean, Math.exp(-mean), rng);
	}

	/**
	 * Inversion of the cumulative distribution, summing terms until it passes a uniform draw;
	 * {@code expNegMean} is passed in so a constant background pays for the exponential once.
	 * Cost is O(mean), fine below the normal threshold.
	 */
	static double sampleSmall(double mean, double expNegMean, SplittableRandom rng) {
		double u = rng.nextDouble();
		double term = expNegMean;
		double cumulative = term;
		int k = 0;
		// The k limit only guards against rounding leaving cumulative just below u.
		while (u > cumulative && k < 1000) {
			k++;
			term *= mean / k;
			cumulative += term;
		}
		return k;
	}
}
