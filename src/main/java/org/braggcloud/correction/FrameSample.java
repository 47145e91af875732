package org.braggcloud.correction;

import java.io.IOException;

import org.braggcloud.scan.RockingScan;

/**
 * Frames read from a few scan points at every angle, spread evenly over (point, angle) pairs so
 * every angle and every part of the given points is seen: the cheap look at a scan that detector
 * corrections need, instead of a full pass.
 */
final class FrameSample {

	private FrameSample() {}

	/** Receives one sampled frame; the array is reused for the next one. */
	@FunctionalInterface
	interface FrameConsumer {
		void accept(float[] frame);
	}

	/**
	 * Visits up to {@code size} frames, one buffer at a time, so a large detector costs one frame
	 * of memory.
	 *
	 * @param points frame indices to draw from
	 * @return the number of frames visited
	 */
	static int forEach(final RockingScan scan, final int[] points, final int size, final FrameConsumer consumer) throws IOException {
		final int angles = scan.angleCount();
		final long available = (long) points.length * angles;
		final int n = (int) Math.min(size, available);
		final float[][] frame = { new float[scan.rows() * scan.columns()] };
		for (int k = 0; k < n; k++) {
			final long pair = k * available / n;
			scan.frames((int) (pair % angles)).read(points[(int) (pair / angles)], 1, frame, 0);
			consumer.accept(frame[0]);
		}
		return n;
	}

	/** All frame indices of a scan. */
	static int[] allPoints(final RockingScan scan) {
		return java.util.stream.IntStream.range(0, scan.grid().pointCount()).toArray();
	}
}
