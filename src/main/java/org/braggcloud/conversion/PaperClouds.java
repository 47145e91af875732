package org.braggcloud.conversion;

import org.braggcloud.cloud.PointCloud;
import org.braggcloud.cloud.PixelCloud;

/**
 * A cloud as the paper handed it to its network: a seeded random subset of a fixed size (its
 * files look like random subsets; how it resampled is not recorded) in MATLAB's 1-based index
 * frame: row + 1, column + 1, 10 x (angle index + 1). The network reads these coordinates raw, so
 * the frame's offset is part of the codeword.
 */
public final class PaperClouds {

	public static final String COORDINATES = "paper (1-based row, column, 10 x angle index)";
	/** Our index frame's z is 10 x the 0-based angle index, as the paper's. */
	private static final float ANGLE_SCALE = 10;

	private PaperClouds() {}

	public static PixelCloud of(final PixelCloud c, final String name, final int points) {
		final PointCloud sampled = CloudSampling.RANDOM.resample(c.cloud(), points, name.hashCode());
		final float[] xyz = sampled.positions();
		for (int i = 0; i < xyz.length; i += 3) {
			xyz[i] += 1;
			xyz[i + 1] += 1;
			xyz[i + 2] += ANGLE_SCALE;
		}
		return new PixelCloud(c.x(), c.y(), sampled.withPositions(xyz));
	}
}
