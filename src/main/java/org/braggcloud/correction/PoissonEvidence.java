package org.braggcloud.correction;

/**
 * How strongly an observed count speaks against a Poisson background: the signed likelihood-ratio
 * statistic, which is close to a standard normal deviate under the background hypothesis even for
 * small expected counts (where (S - E) / sqrt(E) overstates the evidence badly), and the normal
 * quantiles that turn a false-alarm probability into a critical value.
 */
public final class PoissonEvidence {

	private PoissonEvidence() {}

	/**
	 * Signed root of the likelihood-ratio statistic for {@code observed} counts against a Poisson
	 * mean {@code expected}: positive when more was seen than expected, 0 when {@code expected <= 0}.
	 */
	public static double z(final double observed, final double expected) {
		if (!(expected > 0)) return 0;
		if (observed <= 0) return -Math.sqrt(2 * expected);
		final double d = 2 * (observed * Math.log(observed / expected) - (observed - expected));
		final double r = Math.sqrt(Math.max(0, d));
		return observed >= expected ? r : -r;
	}

	/**
	 * Upper bound of {@link #z} for {@code observed > expected}: the Gaussian deviate. Cheap, so a
	 * search for the largest z can skip the logarithm where this bound is already too small.
	 */
	public static double gaussianBound(final double observed, final double expected) {
		return (observed - expected) / Math.sqrt(expected);
	}

	/** P(Z > z) for a standard normal Z, by Simpson integration of the density (exact to ~1e-12 relative). */
	public static double upperTail(final double z) {
		if (z < 0) return 1 - upperTail(-z);
		final double hi = z + 12;
		final int n = 2000;
		final double h = (hi - z) / n;
		double s = density(z) + density(hi);
		for (int i = 1; i < n; i++)
			s += (i % 2 == 1 ? 4 : 2) * density(z + i * h);
		return s * h / 3;
	}

	/** The z with {@code P(Z > z) = p}, for 0 < p < 0.5, by bisection on {@link #upperTail}. */
	public static double criticalZ(final double p) {
		if (!(p > 0 && p < 0.5)) throw new IllegalArgumentException("tail probability must be in (0, 0.5), got " + p);
		double lo = 0, hi = 40;
		for (int i = 0; i < 60; i++) {
			final double mid = 0.5 * (lo + hi);
			if (upperTail(mid) > p) lo = mid;
			else hi = mid;
		}
		return 0.5 * (lo + hi);
	}

	private static double density(final double x) {
		return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
	}
}
