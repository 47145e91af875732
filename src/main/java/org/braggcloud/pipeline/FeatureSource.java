package org.braggcloud.pipeline;

import org.braggcloud.network.FoldingNet;
import org.braggcloud.network.model.FeatureExtraction;
import org.braggcloud.network.model.FoldingGrids;
import org.braggcloud.network.model.ModelFolder;
import org.braggcloud.network.model.NamedClouds;
import org.braggcloud.progress.ProgressListener;

/** A trained FoldingNet ready to encode the scan's clouds and to reconstruct from codewords. */
final class FeatureSource implements AutoCloseable {

	private final FoldingNet net;
	private final ModelFolder.Settings settings;

	FeatureSource(final ModelFolder.Model model, final int threads) throws java.io.IOException {
		final FoldingGrids.Grid grid = FoldingGrids.resolve(model.settings().grid());
		this.net = FoldingNet.fromWeights(model.weights(), model.settings().k(), grid.points(), grid.dimension(), threads,
			model.settings().neighbours());
		this.settings = model.settings();
	}

	FeatureSet extract(final NamedClouds clouds, final ProgressListener progress) {
		final FeatureExtraction.Result r = FeatureExtraction.run(net, settings, clouds.clouds(), 16, false, progress);
		return new FeatureSet(r.features(), r.columns());
	}

	/** The cloud as the network saw it (resampled, normalised if the model is). */
	float[] networkInput(final NamedClouds.Entry entry) {
		return FeatureExtraction.networkInput(entry, settings);
	}

	/**
	 * The decoder's points for one feature row, in the network input's frame: the row starts with
	 * the codeword (a normalising model's placement follows it).
	 */
	float[] reconstruction(final float[] features) {
		return net.reconstruct(new float[][] { java.util.Arrays.copyOf(features, CODEWORD) })[0];
	}

	private static final int CODEWORD = 512;

	@Override
	public void close() {
		net.close();
	}
}
