package org.braggcloud.conversion;

import org.braggcloud.cloud.PointCloud;
import org.braggcloud.cloud.Resampling;

/** How clouds are brought to a fixed number of points; both ways are deterministic for a seed. */
public enum CloudSampling {
	/** Farthest-point sampling: even coverage of the shape. */
	FARTHEST("farthest"),
	/** Seeded random sampling: keeps the density of points (bright regions stay dense). */
	RANDOM("random");

	private final String key;

	CloudSampling(final String key) {
		this.key = key;
	}

	public String key() {
		return key;
	}

	/** The cloud with exactly {@code n} points, or unchanged when {@code n} is 0 or already its size. */
	public PointCloud resample(final PointCloud cloud, final int n, final long seed) {
		if (n <= 0 || cloud.size() == n || cloud.isEmpty()) return cloud;
		return this == FARTHEST ? Resampling.farthestPoint(cloud, n, seed) : Resampling.random(cloud, n, seed);
	}

	public static CloudSampling fromKey(final String key) {
		for (final CloudSampling s : values())
			if (s.key.equalsIgnoreCase(key)) return s;
		throw new IllegalArgumentException("Unknown sampling '" + key + "'; expected farthest or random");
	}
}
