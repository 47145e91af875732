package org.braggcloud.conversion;

import org.braggcloud.correction.DetectorBackground;
import org.braggcloud.correction.HotPixels;

/**
 * The count above which a voxel is taken as signal, derived from the scan's own background.
 * <p>
 * Rule: with lambda the highest background of any (non-hot) detector pixel at the scan point's
 * own background level, the threshold is the smallest whole count T for which the Poisson
 * probability of a background voxel reading more than T, times the number of voxels in one
 * volume, is at most 1. So a cloud of pure background holds on average at most one point,
 * whatever the detector and the background, and a point on the particle, where fluorescence
 * raises the background, gets a threshold as high as its own background needs.
 */
public final class AutomaticThreshold {

	private AutomaticThreshold() {}

	/** Thresholds of every scan point (y * nx + x). */
	public static double[] perPoint(final DetectorBackground background, final HotPixels hot, final long voxelsPerVolume,
		final int points)
	{
		double lambda = 0;
		final float[] b = background.perPixel();
		for (int p = 0; p < b.length; p++)
			if (!hot.isHot(p)) lambda = Math.max(lambda, b[p]);
		final double tail = 1.0 / Math.max(1, voxelsPerVolume);
		final double[] t = new double[points];
		for (int i = 0; i < points; i++)
			t[i] = poissonLevel(lambda * background.level(i), tail);
		return t;
	}

	/** Smallest integer T with P(X > T) <= tail for X ~ Poisson(lambda). */
	static double poissonLevel(final double lambda, final double tail) {
		if (lambda <= 0) return 0;
		// Accumulate P(X <= T) in a numerically safe way (terms from the mode would be safer for huge
		// lambda, but detector backgrounds are a few counts at most).
		double term = Math.exp(-lambda), cdf = term;
		int t = 0;
		while (1 - cdf > tail && t < 100000) {
			t++;
			term *= lambda / t;
			cdf += term;
			if (term == 0 && cdf < 1 - tail) return normalLevel(lambda, tail);
		}
		return t;
	}

	private static double normalLevel(final double lambda, final double tail) {
		// Large lambda: Gaussian approximation, z for the tail by a few Newton-free steps of the bound.
		final double z = Math.sqrt(-2 * Math.log(tail));
		return Math.ceil(lambda + z * Math.sqrt(lambda));
	}
}
