package org.braggcloud.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.braggcloud.imagej.TrainingPlots;
import org.braggcloud.io.PngFile;
import org.braggcloud.io.LossTable;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.network.NeighbourSearch;
import org.braggcloud.network.checkpoint.FoldingNetWeights;
import org.braggcloud.network.model.FeatureExtraction;
import org.braggcloud.network.model.ModelFolder;
import org.braggcloud.network.model.NamedClouds;
import org.braggcloud.network.model.TrainingRun;
import org.braggcloud.network.training.FoldingNetTrainer;
import org.braggcloud.network.training.TrainingOptions;
import org.braggcloud.progress.ProgressListener;

/**
 * Trains FoldingNet on the scan's own clouds (the paper's recipe: Adam, Chamfer loss, batch 16,
 * the plane grid), writing {@code model/} with its loss curve, or loads the model the user gave.
 */
final class AutoencoderStep {

	static final int BATCH = 16;

	/**
	 * Clouds are centred and scaled: the codeword then describes the peak's shape, while its
	 * position (strain, tilt) is in the conventional maps and the descriptors.
	 */
	static final boolean NORMALIZE = true;

	private AutoencoderStep() {}

	static FeatureSource trainOrLoad(final PipelineOptions o, final NamedClouds clouds, final OutputFolder out,
		final ProgressListener progress) throws IOException
	{
		if (o.model() != null) {
			return new FeatureSource(ModelFolder.load(o.model(), new ModelFolder.Settings(o.k(), "plane", o.points(), false,
				NeighbourSearch.TREE, Map.of())), o.threads());
		}
		final List<float[]> data = new ArrayList<>();
		for (final NamedClouds.Entry e : clouds.clouds()) data.add(FeatureExtraction.networkInput(e, o.points(), NORMALIZE));
		final TrainingOptions training = TrainingOptions.paper(BATCH).withK(o.k()).withThreads(o.threads());
		final Map<String, String> provenance = new LinkedHashMap<>();
		provenance.put("trained_by", "Bragg Cloud Pipeline");
		provenance.put("epochs", Integer.toString(o.epochs()));
		provenance.put("batch", Integer.toString(BATCH));
		provenance.put("learning_rate", Double.toString(training.learningRate()));
		provenance.put("seed", Long.toString(o.seed()));
		final ModelFolder.Settings settings = new ModelFolder.Settings(o.k(), "plane", o.points(), NORMALIZE, NeighbourSearch.TREE,
			provenance);
		try (FoldingNetTrainer trainer = FoldingNetTrainer.initialised(training, o.seed())) {
			final TrainingRun.Outcome outcome = TrainingRun.run(trainer, data, o.epochs(), BATCH, o.seed(), false,
				(epoch, loss, t) -> {}, progress);
			if (outcome.cancelled()) throw new CancellationException("Cancelled during training");
			ModelFolder.write(out.stage("model"), outcome.best(), settings);
			LossTable.write(out.stage("model/loss.csv"), outcome.losses());
			PngFile.write(TrainingPlots.loss(outcome.losses()), out.stage("model/loss.png"));
			return new FeatureSource(new ModelFolder.Model(FoldingNetWeights.of(outcome.best(), null), settings), o.threads());
		}
	}
}
