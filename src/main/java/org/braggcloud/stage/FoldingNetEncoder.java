package org.braggcloud.stage;

import org.braggcloud.network.FoldingNet;
import org.braggcloud.network.model.FeatureExtraction;
import org.braggcloud.network.model.FoldingGrids;
import org.braggcloud.network.model.ModelFolder;
import org.braggcloud.io.results.NamedClouds;
import org.braggcloud.progress.ProgressListener;

/** A trained FoldingNet ready to encode the scan's clouds and to reconstruct from codewords. */
public final class FoldingNetEncoder implements AutoCloseable {

	private final FoldingNet net;
	private final ModelFolder.Model model;
	private final ModelFolder.Settings settings;

	public FoldingNetEncoder(final ModelFolder.Model model, final int threads) throws java.io.IOException {
		final FoldingGrids.Grid grid = FoldingGrids.resolve(model.settings().grid());
		this.net = FoldingNet.fromWeights(model.weights(), model.settings().k(), grid.points(), grid.dimension(), threads,
			model.settings().neighbours());
		this.model = model;
		this.settings = model.settings();
	}

	/** The weights and settings it encodes with: to build the same encoder elsewhere. */
	public ModelFolder.Model model() {
		return model;
	}

	/** The codeword of every cloud (and a normalising model's placement), with the decoder's points when asked. */
	public FeatureExtraction.Result extract(final NamedClouds clouds, final int batch, final boolean reconstruct, final ProgressListener progress) {
		return FeatureExtraction.run(net, settings, clouds.clouds(), batch, reconstruct, progress);
	}

	/** The cloud as the network saw it (resampled, normalised if the model is). */
	public float[] networkInput(final NamedClouds.Entry entry) {
		return FeatureExtraction.networkInput(entry, settings);
	}

	/**
	 * The decoder's points for one feature row, in the network input's frame: the row starts with
	 * the codeword (a normalising model's placement follows it).
	 */
	public float[] reconstruction(final float[] features) {
		return net.reconstruct(new float[][] { java.util.Arrays.copyOf(features, CODEWORD) })[0];
	}

	private static final int CODEWORD = 512;

	@Override
	public void close() {
		net.close();
	}
}
