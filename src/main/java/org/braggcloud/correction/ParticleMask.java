package org.braggcloud.correction;

/**
 * The scan points that carry a Bragg peak.
 * <p>
 * Rule: Otsu's two-class split of log10 of the integrated intensity (hot pixels excluded), which
 * separates the particle from the background whatever their absolute levels. A point is in the
 * mask when its log intensity is above the split. When the two classes are not distinct (the
 * brighter class's mean intensity less than twice the dimmer's), there is no background to split
 * off and every point with intensity above zero is kept.
 */
public final class ParticleMask {

	private static final int BINS = 256;

	private ParticleMask() {}

	/** @return true where the point carries a peak; index y * nx + x */
	public static boolean[] fromIntensity(final float[] integrated) {
		final int n = integrated.length;
		final double[] logs = new double[n];
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < n; i++) {
			logs[i] = Math.log10(Math.max(1.0, integrated[i]));
			lo = Math.min(lo, logs[i]);
			hi = Math.max(hi, logs[i]);
		}
		final boolean[] mask = new boolean[n];
		if (!(hi > lo)) {
			for (int i = 0; i < n; i++)
				mask[i] = integrated[i] > 0;
			return mask;
		}
		final double threshold = otsu(logs, lo, hi);
		double sumIn = 0, sumOut = 0;
		int nIn = 0, nOut = 0;
		for (int i = 0; i < n; i++) {
			if (logs[i] > threshold) { sumIn += integrated[i]; nIn++; }
			else { sumOut += integrated[i]; nOut++; }
		}
		final boolean distinct = nIn > 0 && nOut > 0 && sumIn / nIn > 2 * Math.max(sumOut / nOut, 1e-12);
		for (int i = 0; i < n; i++)
			mask[i] = distinct ? logs[i] > threshold : integrated[i] > 0;
		return mask;
	}

	/** Otsu's threshold: maximises the between-class variance of a 256-bin histogram. */
	static double otsu(final double[] values, final double lo, final double hi) {
		final long[] hist = new long[BINS];
		final double width = (hi - lo) / BINS;
		for (final double v : values)
			hist[Math.min(BINS - 1, (int) ((v - lo) / width))]++;
		double total = 0, sumAll = 0;
		for (int b = 0; b < BINS; b++) {
			total += hist[b];
			sumAll += b * (double) hist[b];
		}
		double wBelow = 0, sumBelow = 0, best = -1;
		int bestBin = 0;
		for (int b = 0; b < BINS - 1; b++) {
			wBelow += hist[b];
			sumBelow += b * (double) hist[b];
			final double wAbove = total - wBelow;
			if (wBelow == 0 || wAbove == 0) continue;
			final double mBelow = sumBelow / wBelow, mAbove = (sumAll - sumBelow) / wAbove;
			final double between = wBelow * wAbove * (mBelow - mAbove) * (mBelow - mAbove);
			if (between > best) {
				best = between;
				bestBin = b;
			}
		}
		return lo + (bestBin + 1) * width;
	}
}
