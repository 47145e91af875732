package org.braggcloud.network.model;

import java.util.Locale;

import org.braggcloud.cloud.PointCloud;
import org.braggcloud.conversion.CloudSampling;

/**
 * Which points of a cloud the network reads. A model must read its clouds at inference as it
 * read them in training, so a model records its rule.
 */
public enum InputPoints {

	/**
	 * Seeded farthest-point sampling to the model's point count (the cloud as it is when it has
	 * exactly that many): even cover of the shape, whatever the cloud's size.
	 */
	FARTHEST,

	/**
	 * The paper's rule: a cloud of the model's point count is read as stored (its dataset.py). A
	 * larger one is first cut to a seeded random subset, as the paper made its files (taking the
	 * first points instead would read one slab of a voxel-ordered cloud); a smaller one, which
	 * the paper's code cannot take, is repeated from its start.
	 */
	STORED;

	/** The network input of one cloud: {@code points} points, interleaved xyz. */
	public float[] select(final PointCloud cloud, final int points, final long seed) {
		if (this == FARTHEST) return CloudSampling.FARTHEST.resample(cloud, points, seed).positions();
		if (cloud.isEmpty()) throw new IllegalArgumentException("an empty cloud has no points to read");
		if (cloud.size() > points) return CloudSampling.RANDOM.resample(cloud, points, seed).positions();
		final float[] all = cloud.positions();
		final float[] out = new float[3 * points];
		for (int i = 0; i < points; i++)
			System.arraycopy(all, 3 * (i % cloud.size()), out, 3 * i, 3);
		return out;
	}

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static InputPoints of(final String key) {
		for (final InputPoints p : values())
			if (p.key().equalsIgnoreCase(key.trim())) return p;
		throw new IllegalArgumentException("input points '" + key + "': expected farthest or stored");
	}
}
