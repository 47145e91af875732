package org.braggcloud.pipeline;

import java.nio.file.Path;

import org.braggcloud.clustering.ClusterAnalysis.Criterion;

/**
 * How the pipeline runs. {@link #defaults()} are chosen by measurement on simulated scans with
 * known domains (README: quality against time); {@link #withPreset} gives the paper's.
 *
 * @param clusters number of domains, 0 to choose it
 * @param align correct drift between rocking scans
 * @param features what to cluster
 * @param model a trained model (folder or paper checkpoint) to use instead of training; may be null
 * @param epochs training epochs on this scan: 0 uses the shipped model as it is, more fine-tune it
 *        first (the paper's preset trains from scratch and needs at least 1)
 * @param points points per cloud given to the network
 * @param k neighbours in the encoder's graph
 * @param seed seed of training, sampling and clustering
 * @param threads threads for every step
 * @param writePly also write each cloud as PLY beside the container
 * @param preset Bragg Cloud's choices or the paper's ({@link Preset})
 * @param criterion how an automatic cluster count is chosen; null for the preset's own
 *        (boundaries, or the paper's 95 % rule)
 * @param grid the decoder's grid: {@code auto} (the preset's for training, the model's own when
 *        one is given), {@code plane}, {@code sphere}, {@code gaussian} or a .npy file
 */
public record PipelineOptions(int clusters, boolean align, FeatureKind features, Path model, int epochs, int points, int k,
	long seed, int threads, boolean writePly, Preset preset, Criterion criterion, String grid)
{

	public PipelineOptions {
		if (clusters < 0) throw new IllegalArgumentException("clusters must be 0 (automatic) or positive, got " + clusters);
		if (epochs < 0) throw new IllegalArgumentException("epochs must be 0 or more, got " + epochs);
		if (points < 16) throw new IllegalArgumentException("points must be at least 16, got " + points);
		if (k < 2 || k > points) throw new IllegalArgumentException("k must be between 2 and points, got " + k);
		if (threads < 1) throw new IllegalArgumentException("threads must be positive, got " + threads);
		if (preset == null) throw new IllegalArgumentException("a preset is needed");
		if (grid == null || grid.isBlank()) grid = AUTO;
	}

	/** Bragg Cloud's own preset, the preset's criterion and grid. */
	public PipelineOptions(final int clusters, final boolean align, final FeatureKind features, final Path model, final int epochs,
		final int points, final int k, final long seed, final int threads, final boolean writePly)
	{
		this(clusters, align, features, model, epochs, points, k, seed, threads, writePly, Preset.DEFAULT, null, AUTO);
	}

	public static final String AUTO = "auto";

	/**
	 * Descriptors by default: on the robustness grid they reach an adjusted Rand index of 0.88 to
	 * 0.98 where the shipped FoldingNet reaches 0.43 to 0.82 (README, "The shipped FoldingNet").
	 */
	public static final FeatureKind DEFAULT_FEATURES = FeatureKind.DESCRIPTORS;
	public static final int DEFAULT_EPOCHS = 0;
	public static final int DEFAULT_POINTS = 512;
	public static final int DEFAULT_K = 16;

	/**
	 * The options as a user gives them by key (the Bragg Cloud Pipeline command's and a batch's):
	 * features, preset and criterion by name ({@code auto}: the preset's), no PLY files.
	 */
	public static PipelineOptions of(final int clusters, final boolean align, final String features, final String preset,
		final String criterion, final String grid, final Path model, final int epochs, final int points, final int k, final long seed,
		final int threads)
	{
		return new PipelineOptions(clusters, align, FeatureKind.of(features), model, epochs, points, k, seed, threads, false)
			.withPreset(Preset.of(preset))
			.withCriterion(criterion.equalsIgnoreCase(AUTO) ? null : Criterion.parse(criterion)).withGrid(grid);
	}

	public static PipelineOptions defaults() {
		return new PipelineOptions(0, true, DEFAULT_FEATURES, null, DEFAULT_EPOCHS, DEFAULT_POINTS, DEFAULT_K, 1,
			Runtime.getRuntime().availableProcessors(), false);
	}

	/**
	 * These options under {@code p}: the paper's preset fixes what its code fixed (FoldingNet
	 * features, 2048 points, k = 32); the rest is kept.
	 */
	public PipelineOptions withPreset(final Preset p) {
		if (p == Preset.PAPER)
			return new PipelineOptions(clusters, align, FeatureKind.FOLDINGNET, model, epochs, Preset.PAPER_POINTS, Preset.PAPER_K, seed,
				threads, writePly, p, criterion, grid);
		return new PipelineOptions(clusters, align, features, model, epochs, points, k, seed, threads, writePly, p, criterion, grid);
	}

	public PipelineOptions withClusters(final int n) {
		return new PipelineOptions(n, align, features, model, epochs, points, k, seed, threads, writePly, preset, criterion, grid);
	}

	public PipelineOptions withThreads(final int n) {
		return new PipelineOptions(clusters, align, features, model, epochs, points, k, seed, n, writePly, preset, criterion, grid);
	}

	public PipelineOptions withCriterion(final Criterion c) {
		return new PipelineOptions(clusters, align, features, model, epochs, points, k, seed, threads, writePly, preset, c, grid);
	}

	public PipelineOptions withGrid(final String g) {
		return new PipelineOptions(clusters, align, features, model, epochs, points, k, seed, threads, writePly, preset, criterion, g);
	}

	/** The criterion used when the count is automatic. */
	public Criterion countCriterion() {
		if (criterion != null) return criterion;
		return preset == Preset.PAPER ? Criterion.PAPER : Criterion.BOUNDARIES;
	}
}
