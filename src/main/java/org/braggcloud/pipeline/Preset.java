package org.braggcloud.pipeline;

import java.util.Locale;

/**
 * A consistent set of choices for the learned-feature path.
 * <ul>
 * <li>{@code default}: Bragg Cloud's own, chosen by measurement (README, "Quality and time").</li>
 * <li>{@code paper}: what the published code does (docs/pipeline.md §4-6). Clouds of 2048 points
 * (a seeded random subset of each cloud, as the paper's files look) in the paper's frame: 1-based
 * detector row and column, 10 x the 1-based angle index. The network reads them raw, neither
 * centred nor scaled, its first 2048 stored points (dataset.py); FoldingNet with k = 32 and the
 * paper's gaussian grid, trained with random rotations in 15-degree steps mixing the first and
 * third coordinates. The 512-d codewords are scaled to [0, 1] each, not reduced by PCA, and
 * clustered by k-means with the count from the paper's 95 % rule (kmeans_opt.m).</li>
 * </ul>
 */
public enum Preset {
	DEFAULT, PAPER;

	/** The paper's network input size and neighbour count. */
	public static final int PAPER_POINTS = 2048;
	public static final int PAPER_K = 32;
	/** The paper's run used this grid (its log: shape='gaussian'). */
	public static final String PAPER_GRID = "gaussian";

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Preset of(final String key) {
		for (final Preset p : values())
			if (p.key().equalsIgnoreCase(key.trim())) return p;
		throw new IllegalArgumentException("preset '" + key + "': expected default or paper");
	}
}
