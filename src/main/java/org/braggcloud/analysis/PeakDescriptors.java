package org.braggcloud.analysis;

import org.braggcloud.cloud.PointCloud;

/**
 * Fast, interpretable per-pixel features of a Bragg peak, from its intensity-weighted point
 * cloud in (detector row, detector column, scaled angle): where the peak is (centroid), how wide
 * it is along each axis (standard deviations), how it leans (the three correlation coefficients:
 * a streak or a tilted split shows as a strong correlation), and how far each marginal is from
 * one Gaussian (excess kurtosis: split peaks are flat-topped or bimodal, below zero). Moments
 * along the fixed axes rather than the covariance's own axes: the eigenvectors of a nearly round
 * peak turn freely from pixel to pixel, and that noise would outweigh the defects. An alternative
 * to the learned codewords that needs no training.
 */
public final class PeakDescriptors {

	/** Names of the features, in order. */
	public static final String[] NAMES = { "centroid_x", "centroid_y", "centroid_z", "sigma_x", "sigma_y", "sigma_z",
		"correlation_xy", "correlation_xz", "correlation_yz", "kurtosis_x", "kurtosis_y", "kurtosis_z" };

	/**
	 * Only points at or above this share of the cloud's brightest point count: a cut relative to
	 * each peak's own height keeps its measured shape independent of its brightness, which the
	 * absolute threshold of the cloud step does not (thin rims would read as narrower peaks).
	 */
	static final double RELATIVE_CUT = 0.2;

	private PeakDescriptors() {}

	/** The {@link #NAMES} features of one cloud; weights are the point values (unit if not positive). */
	public static double[] of(final PointCloud cloud) {
		final int n = cloud.size();
		if (n == 0) throw new IllegalArgumentException("empty cloud has no descriptors");
		double brightest = 0;
		for (int i = 0; i < n; i++) brightest = Math.max(brightest, weight(cloud, i));
		final double cut = RELATIVE_CUT * brightest;
		double total = 0;
		final double[] mean = new double[3];
		for (int i = 0; i < n; i++) {
			final double w = weight(cloud, i);
			if (w < cut) continue;
			total += w;
			mean[0] += w * cloud.x(i);
			mean[1] += w * cloud.y(i);
			mean[2] += w * cloud.z(i);
		}
		for (int d = 0; d < 3; d++) mean[d] /= total;
		final double[][] m2 = new double[3][3];
		final double[] m4 = new double[3];
		for (int i = 0; i < n; i++) {
			if (weight(cloud, i) < cut) continue;
			final double w = weight(cloud, i) / total;
			final double[] p = { cloud.x(i) - mean[0], cloud.y(i) - mean[1], cloud.z(i) - mean[2] };
			for (int a = 0; a < 3; a++) {
				for (int b = a; b < 3; b++) m2[a][b] += w * p[a] * p[b];
				m4[a] += w * p[a] * p[a] * p[a] * p[a];
			}
		}
		final double[] sigma = new double[3];
		for (int d = 0; d < 3; d++) sigma[d] = Math.sqrt(Math.max(m2[d][d], 0));
		return new double[] { mean[0], mean[1], mean[2], sigma[0], sigma[1], sigma[2],
			correlation(m2[0][1], sigma[0], sigma[1]), correlation(m2[0][2], sigma[0], sigma[2]),
			correlation(m2[1][2], sigma[1], sigma[2]),
			kurtosis(m4[0], m2[0][0]), kurtosis(m4[1], m2[1][1]), kurtosis(m4[2], m2[2][2]) };
	}

	private static double correlation(final double covariance, final double s1, final double s2) {
		return s1 > 0 && s2 > 0 ? covariance / (s1 * s2) : 0;
	}

	private static double kurtosis(final double fourth, final double variance) {
		return variance > 0 ? fourth / (variance * variance) - 3 : 0;
	}

	private static double weight(final PointCloud cloud, final int i) {
		final float v = cloud.value(i);
		return v > 0 && Float.isFinite(v) ? v : 1;
	}
}
