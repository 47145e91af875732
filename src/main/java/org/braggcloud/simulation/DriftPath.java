package org.braggcloud.simulation;

import java.util.SplittableRandom;

/** Sample drift between rocking scans: a smooth random walk in scan pixels. */
final class DriftPath {

	/** Velocity memory: near 1 gives slow, steady drifts as thermal drift does. */
	private static final double PERSISTENCE = 0.7;

	private DriftPath() {
	}

	/**
	 * @return [angle] -> {dy, dx}; angle 0 is the reference (zero drift) and the largest drift
	 *     magnitude equals {@code maxDriftPx} (all zero when it is 0)
	 */
	static double[][] create(SplittableRandom rng, int angles, double maxDriftPx) {
		double[][] drift = new double[angles][2];
		if (maxDriftPx <= 0 || angles < 2) {
			return drift;
		}
		// A random walk of a velocity that itself follows an AR(1) process is smooth (no jumps in
		// direction from one angle to the next), unlike a plain random walk.
		double vy = 0;
		double vx = 0;
		double largest = 0;
		for (int i = 1; i < angles; i++) {
			vy = PERSISTENCE * vy + rng.nextGaussian();
			vx = PERSISTENCE * vx + rng.nextGaussian();
			drift[i][0] = drift[i - 1][0] + vy;
			drift[i][1] = drift[i - 1][1] + vx;
			largest = Math.max(largest, Math.hypot(drift[i][0], drift[i][1]));
		}
		double scale = largest > 0 ? maxDriftPx / largest : 0;
		for (double[] d : drift) {
			d[0] *= scale;
			d[1] *= scale;
		}
		return drift;
	}
}
