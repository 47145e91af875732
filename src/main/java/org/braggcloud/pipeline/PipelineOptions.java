package org.braggcloud.pipeline;

import java.nio.file.Path;

/**
 * How the pipeline runs. {@link #defaults()} are chosen by measurement on simulated scans with
 * known domains (README: quality against time).
 *
 * @param clusters number of domains, 0 to choose it
 * @param align correct drift between rocking scans
 * @param features what to cluster
 * @param model a trained model (folder or paper checkpoint) to use instead of training; may be null
 * @param epochs training epochs on this scan
 * @param points points per cloud given to the network
 * @param k neighbours in the encoder's graph
 * @param seed seed of training, sampling and clustering
 * @param threads threads for every step
 * @param writePly also write each cloud as PLY beside the container
 */
public record PipelineOptions(int clusters, boolean align, FeatureKind features, Path model, int epochs, int points, int k,
	long seed, int threads, boolean writePly)
{

	public PipelineOptions {
		if (clusters < 0) throw new IllegalArgumentException("clusters must be 0 (automatic) or positive, got " + clusters);
		if (epochs < 1) throw new IllegalArgumentException("epochs must be positive, got " + epochs);
		if (points < 16) throw new IllegalArgumentException("points must be at least 16, got " + points);
		if (k < 2 || k > points) throw new IllegalArgumentException("k must be between 2 and points, got " + k);
		if (threads < 1) throw new IllegalArgumentException("threads must be positive, got " + threads);
	}

	/**
	 * Descriptors by default: on simulated scans with known domains they reach an adjusted Rand
	 * index of 0.84 to 1.0 in under a minute, where FoldingNet trained for what a 2-core laptop
	 * allows (a few epochs) reaches 0.3 to 0.7 in several minutes (README, "Quality and time").
	 */
	public static final FeatureKind DEFAULT_FEATURES = FeatureKind.DESCRIPTORS;
	public static final int DEFAULT_EPOCHS = 4;
	public static final int DEFAULT_POINTS = 512;
	public static final int DEFAULT_K = 16;

	public static PipelineOptions defaults() {
		return new PipelineOptions(0, true, DEFAULT_FEATURES, null, DEFAULT_EPOCHS, DEFAULT_POINTS, DEFAULT_K, 1,
			Runtime.getRuntime().availableProcessors(), false);
	}
}
