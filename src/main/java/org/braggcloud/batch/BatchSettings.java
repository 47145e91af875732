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
 */
public record BatchSettings(int clusters, boolean align, String features, String preset, String criterion, String grid, String model,
	int epochs, int points, int k, long seed, int threads) implements Serializable
{

	private static final long serialVersionUID = 1L;

	/** The pipeline's defaults, with {@code threads} threads per scan. */
	public static BatchSettings defaults(final int threads) {
		final PipelineOptions d = PipelineOptions.defaults();
		return new BatchSettings(d.clusters(), d.align(), d.features().key(), Preset.DEFAULT.key(), PipelineOptions.AUTO, PipelineOptions.AUTO, null,
			d.epochs(), d.points(), d.k(), d.seed(), threads);
	}

	/** The options the Bragg Cloud Pipeline command builds from the same values. */
	public PipelineOptions options() {
		return PipelineOptions.of(clusters, align, features, preset, criterion, grid, model == null ? null : Path.of(model), epochs, points, k,
			seed, threads);
	}
}
