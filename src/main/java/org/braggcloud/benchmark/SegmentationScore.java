package org.braggcloud.benchmark;

import org.braggcloud.clustering.AdjustedRandIndex;

/**
 * How well a cluster map matches a simulator's true domains, by the project's one convention:
 * the particle mask by intersection over union, and the domains by the adjusted Rand index over
 * the scan points inside both the true particle and the cluster map (so a mask error is counted
 * once, by the IoU, and not again in the ARI).
 */
public final class SegmentationScore {

	private SegmentationScore() {}

	/**
	 * @param mask the pipeline's particle mask per scan point
	 * @param truth true domain labels per scan point, 0 outside the particle
	 * @return |mask and particle| / |mask or particle|; 1 when both are empty
	 */
	public static double maskIoU(final boolean[] mask, final int[] truth) {
		requireSameLength(mask.length, truth.length);
		int inter = 0;
		int union = 0;
		for (int i = 0; i < mask.length; i++) {
			if (mask[i] && truth[i] > 0) inter++;
			if (mask[i] || truth[i] > 0) union++;
		}
		return union == 0 ? 1 : (double) inter / union;
	}

	/**
	 * @param truth true domain labels per scan point, 0 outside the particle
	 * @param labels cluster labels per scan point, 0 outside the cluster map
	 * @return the adjusted Rand index over the points labelled in both; NaN when there are none
	 */
	public static double adjustedRandIndex(final int[] truth, final int[] labels) {
		requireSameLength(labels.length, truth.length);
		int n = 0;
		for (int i = 0; i < labels.length; i++) if (labels[i] > 0 && truth[i] > 0) n++;
		if (n == 0) return Double.NaN;
		final int[] a = new int[n];
		final int[] b = new int[n];
		n = 0;
		for (int i = 0; i < labels.length; i++) {
			if (labels[i] > 0 && truth[i] > 0) {
				a[n] = truth[i];
				b[n++] = labels[i];
			}
		}
		return AdjustedRandIndex.of(a, b);
	}

	private static void requireSameLength(final int a, final int truth) {
		if (a != truth) throw new IllegalArgumentException("a map of " + a + " scan points against a truth of " + truth);
	}
}
