package org.braggcloud.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.braggcloud.io.results.NamedClouds;
import org.braggcloud.network.model.ModelFolder;
import org.braggcloud.network.model.ShippedModel;
import org.braggcloud.progress.ProgressListener;
import org.braggcloud.stage.FeatureStage;
import org.braggcloud.stage.FoldingNetEncoder;

/**
 * The features step of one large scan on Spark: the clouds are cut into blocks, and each task
 * computes its block's features: peak descriptors, or FoldingNet codewords from one network per
 * executor, loaded on the executor's first block and kept for the next ones. Block edges fall on
 * multiples of the encoder's batch, so every batch holds the clouds it holds in a single run, and
 * the rows are the single run's.
 */
public final class BlockedFeatures {

	/** The shipped model, as {@code model} names it. */
	public static final String SHIPPED = "shipped";

	private BlockedFeatures() {}

	/**
	 * @param model null for the peak descriptors, {@link #SHIPPED} or a model folder at the same
	 *              path on every node for FoldingNet codewords
	 * @param batch clouds per encoder batch
	 */
	public static FeatureStage.Result make(final JavaSparkContext context, final NamedClouds clouds, final String model, final int batch,
		final int blocks)
	{
		final List<NamedClouds.Entry> all = clouds.clouds();
		final int batches = (all.size() + batch - 1) / batch;
		final int n = Math.max(1, Math.min(blocks, batches));
		final List<Block> work = new ArrayList<>();
		for (int b = 0; b < n; b++) {
			final int from = Math.min(all.size(), b * batches / n * batch), to = Math.min(all.size(), (b + 1) * batches / n * batch);
			work.add(new Block(new ArrayList<>(all.subList(from, to)), clouds.nx(), clouds.ny(), clouds.stepUm(), model, batch));
		}
		final List<Rows> made = context.parallelize(work, n).map(new FeaturesOfBlock()).collect();
		final List<float[]> rows = new ArrayList<>();
		for (final Rows r : made) rows.addAll(List.of(r.rows()));
		return new FeatureStage.Result(clouds, rows.toArray(new float[0][]), made.get(0).columns(), null);
	}

	record Block(List<NamedClouds.Entry> clouds, int nx, int ny, double stepUm, String model, int batch) implements Serializable {
		private static final long serialVersionUID = 1L;
	}

	record Rows(float[][] rows, String[] columns) implements Serializable {
		private static final long serialVersionUID = 1L;
	}

	private static final class FeaturesOfBlock implements Function<Block, Rows> {

		private static final long serialVersionUID = 1L;

		/** One encoder per model and executor JVM, kept for the executor's life. */
		private static final Map<String, FoldingNetEncoder> ENCODERS = new ConcurrentHashMap<>();

		@Override
		public Rows call(final Block b) {
			final NamedClouds block = new NamedClouds(b.clouds(), b.nx(), b.ny(), b.stepUm());
			final FeatureStage.Result r = b.model() == null ? FeatureStage.descriptors(block)
				: FeatureStage.codewords(block, encoder(b.model()), b.batch(), false, ProgressListener.NONE);
			return new Rows(r.rows(), r.columns());
		}

		private static FoldingNetEncoder encoder(final String model) {
			return ENCODERS.computeIfAbsent(model, m -> {
				try {
					final ModelFolder.Model loaded = m.equals(SHIPPED) ? ShippedModel.load() : ModelFolder.load(Path.of(m), null);
					return new FoldingNetEncoder(loaded, 1);
				}
				catch (final IOException e) {
					throw new UncheckedIOException(m + ": " + e.getMessage(), e);
				}
			});
		}
	}
}
