package org.braggcloud.conversion;

import org.braggcloud.cloud.PointCloud;

/**
 * Keeps the points of a cloud whose value is at least a share of the cloud's brightest point.
 * A cut relative to each peak's own height gives clouds whose extent does not depend on the
 * peak's brightness, as the scan-wide counts threshold does: without it, peaks at a particle's
 * thin rim come out smaller and a clustering sees the rim as a domain of its own.
 */
public final class RelativeCut {

	private RelativeCut() {}

	/** @param share in [0, 1); 0 keeps everything */
	public static PointCloud apply(final PointCloud cloud, final double share) {
		if (!(share >= 0 && share < 1)) throw new IllegalArgumentException("share must be in [0, 1), got " + share);
		float brightest = Float.NEGATIVE_INFINITY;
		for (int i = 0; i < cloud.size(); i++) brightest = Math.max(brightest, cloud.value(i));
		final double cut = share * brightest;
		int kept = 0;
		for (int i = 0; i < cloud.size(); i++) if (cloud.value(i) >= cut) kept++;
		if (kept == cloud.size()) return cloud;
		final int[] keep = new int[kept];
		kept = 0;
		for (int i = 0; i < cloud.size(); i++) if (cloud.value(i) >= cut) keep[kept++] = i;
		return cloud.subset(keep);
	}
}
