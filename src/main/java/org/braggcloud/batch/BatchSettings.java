package org.braggcloud.batch;

import java.io.Serializable;
import java.nio.file.Path;

import org.braggcloud.pipeline.PipelineOptions;
import org.braggcloud.pipeline.Preset;

/**
 * The pipeline's parameters for every scan of a batch, as plain values, so that a batch task can
 * be sent to another process (a Spark executor) and build the same {@link PipelineOptions} there.
 *
 * @param features  {@code descriptors} or {@code foldingnet}
 * @param preset    {@code default} or {@code paper}
 * @param criterion {@code auto} or a count criterion
 * @param model     a model folder, or null for the pipeline's choice
 * @param threads   threads per scan; 0 leaves it to the engine (this machine's cores when scans run
 *                  one after another, a task's cores on Spark)
 */
public record BatchSettings(int clusters, boolean align, String features, String preset, String criterion, String grid, String model,
	int epochs, int points, int k, long seed, int threads) implements Serializable
{

	private static final long serialVersionUID = 1L;

	public BatchSettings {
		if (threads < 0) throw new IllegalArgumentException("threads must be 0 (the engine's choice) or positive, got " + threads);
	}

	/** The same settings with {@code n} threads per scan. */
	public BatchSettings withThreads(final int n) {
		return new BatchSettings(clusters, align, features, preset, criterion, grid, model, epochs, points, k, seed, n);
	}

	/** The pipeline's defaults, with {@code threads} threads per scan. */
	public static BatchSettings defaults(final int threads) {
		final PipelineOptions d = PipelineOptions.defaults();
		return new BatchSettings(d.clusters(), d.align(), d.features().key(), Preset.DEFAULT.key(), PipelineOptions.AUTO, PipelineOptions.AUTO, null,
			d.epochs(), d.points(), d.k(), d.seed(), threads);
	}

	/** The options the Bragg Cloud Pipeline command builds from the same values; threads 0 is this machine's cores. */
	public PipelineOptions options() {
		final int threads = this.threads > 0 ? this.threads : Runtime.getRuntime().availableProcessors();
		return PipelineOptions.of(clusters, align, features, preset, criterion, grid, model == null ? null : Path.of(model), epochs, points, k,
			seed, threads);
	}
}
