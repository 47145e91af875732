package org.braggcloud.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.braggcloud.io.results.NamedClouds;
import org.braggcloud.network.model.ModelFolder;
import org.braggcloud.progress.ProgressListener;
import org.braggcloud.stage.FeatureStage;
import org.braggcloud.stage.FoldingNetEncoder;

/**
 * The features step of one large scan on Spark: the clouds are cut into blocks, and each task
 * computes its block's features: peak descriptors, or FoldingNet codewords. The network (the
 * weights and settings the driver encodes with, trained or loaded) is sent to each executor once
 * as a broadcast, and each executor builds one encoder from it on its first block and keeps it
 * for the next ones. Block edges fall on multiples of the encoder's batch, so every batch holds
 * the clouds it holds in a single run, and the rows are the single run's.
 */
public final class BlockedFeatures {

	private BlockedFeatures() {}

	/**
	 * @param model null for the peak descriptors, else the network for FoldingNet codewords
	 * @param batch clouds per encoder batch
	 */
	public static FeatureStage.Result make(final JavaSparkContext context, final NamedClouds clouds, final ModelFolder.Model model,
		final int batch, final int blocks)
	{
		final List<NamedClouds.Entry> all = clouds.clouds();
		final int batches = (all.size() + batch - 1) / batch;
		final int n = Math.max(1, Math.min(blocks, batches));
		final Broadcast<ModelFolder.Model> network = model == null ? null : context.broadcast(model);
		try {
			final List<Block> work = new ArrayList<>();
			for (int b = 0; b < n; b++) {
				final int from = Math.min(all.size(), b * batches / n * batch), to = Math.min(all.size(), (b + 1) * batches / n * batch);
				work.add(new Block(new ArrayList<>(all.subList(from, to)), clouds.nx(), clouds.ny(), clouds.stepUm(), network, batch));
			}
			final List<Rows> made = context.parallelize(work, n).map(new FeaturesOfBlock()).collect();
			final List<float[]> rows = new ArrayList<>();
			for (final Rows r : made) rows.addAll(List.of(r.rows()));
			return new FeatureStage.Result(clouds, rows.toArray(new float[0][]), made.get(0).columns(), null);
		}
		finally {
			if (network != null) network.destroy();
		}
	}

	record Block(List<NamedClouds.Entry> clouds, int nx, int ny, double stepUm, Broadcast<ModelFolder.Model> network, int batch)
		implements Serializable
	{
		private static final long serialVersionUID = 1L;
	}

	record Rows(float[][] rows, String[] columns) implements Serializable {
		private static final long serialVersionUID = 1L;
	}

	private static final class FeaturesOfBlock implements Function<Block, Rows> {

		private static final long serialVersionUID = 1L;

		/** One encoder per network (broadcast) and executor JVM. */
		private static final Map<Long, FoldingNetEncoder> ENCODERS = new ConcurrentHashMap<>();

		@Override
		public Rows call(final Block b) {
			final NamedClouds block = new NamedClouds(b.clouds(), b.nx(), b.ny(), b.stepUm());
			final FeatureStage.Result r = b.network() == null ? FeatureStage.descriptors(block)
				: FeatureStage.codewords(block, encoder(b.network()), b.batch(), false, ProgressListener.NONE);
			return new Rows(r.rows(), r.columns());
		}

		private static FoldingNetEncoder encoder(final Broadcast<ModelFolder.Model> network) {
			return ENCODERS.computeIfAbsent(network.id(), id -> {
				try {
					return new FoldingNetEncoder(network.value(), 1);
				}
				catch (final IOException e) {
					throw new UncheckedIOException(e.getMessage(), e);
				}
			});
		}
	}
}
