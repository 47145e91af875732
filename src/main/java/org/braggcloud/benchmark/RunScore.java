package org.braggcloud.benchmark;

/**
 * One pipeline run of a regime against the truth, or why it gave no map.
 *
 * @param maskIoU the particle mask's IoU with the true particle; NaN when the run failed
 * @param ari adjusted Rand index of the cluster map against the true domains; NaN when the run failed
 * @param k the number of clusters of the map; 0 when the run failed
 * @param seconds wall time of the run
 * @param failure what went wrong, or null
 */
public record RunScore(double maskIoU, double ari, int k, double seconds, String failure) {

	public static RunScore failed(final String failure, final double seconds) {
		return new RunScore(Double.NaN, Double.NaN, 0, seconds, failure);
	}

	public boolean ok() {
		return failure == null;
	}
}
