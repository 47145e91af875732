package org.braggcloud.pipeline;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.braggcloud.io.OutputFolder;
import org.braggcloud.network.NeighbourSearch;
import org.braggcloud.network.model.FoldingGrids;
import org.braggcloud.network.model.InputPoints;
import org.braggcloud.network.model.ModelFolder;
import org.braggcloud.io.results.NamedClouds;
import org.braggcloud.network.model.ShippedModel;
import org.braggcloud.network.training.FoldingNetTrainer;
import org.braggcloud.network.training.TrainingOptions;
import org.braggcloud.progress.ProgressListener;
import org.braggcloud.stage.FoldingNetEncoder;
import org.braggcloud.stage.TrainStage;

/**
 * The autoencoder of the pipeline's FoldingNet features: the model the user gave; else the
 * shipped model, fine-tuned on the scan's clouds first when epochs are asked for; under the
 * paper's preset, FoldingNet trained on the scan's own clouds as the paper did. Training (Adam,
 * Chamfer loss, batch 16) writes {@code model/} with its loss curve.
 */
final class AutoencoderStep {

	static final int BATCH = 16;

	/** Where the pipeline keeps the model folder it trains. */
	static final String MODEL = "model";

	/**
	 * The network the features step encodes with, and the loss per epoch when this run trained it
	 * (empty when it loaded one).
	 */
	record Autoencoder(FoldingNetEncoder encoder, List<Double> losses) implements AutoCloseable {

		@Override
		public void close() {
			encoder.close();
		}
	}

	private AutoencoderStep() {}

	/**
	 * How the network reads clouds under the options' preset. Training searches neighbours with
	 * the kd-tree; a paper checkpoint keeps the paper's dense search ({@link ModelFolder#load}).
	 */
	static ModelFolder.Settings settings(final PipelineOptions o, final String grid, final Map<String, String> provenance) {
		final boolean paper = o.preset() == Preset.PAPER;
		// Bragg Cloud centres and scales clouds, so the codeword describes the peak's shape; its
		// position and size (strain, tilt, width) follow the codeword as features of their own
		// (FeatureExtraction.PLACEMENT). The paper's network reads clouds raw.
		return new ModelFolder.Settings(o.k(), grid, o.points(), !paper, paper ? InputPoints.STORED : InputPoints.FARTHEST,
			NeighbourSearch.TREE, provenance);
	}

	/** The grid training uses: the options' own, else the preset's. */
	static String trainingGrid(final PipelineOptions o) {
		if (!o.grid().equalsIgnoreCase(PipelineOptions.AUTO)) return o.grid();
		return o.preset() == Preset.PAPER ? Preset.PAPER_GRID : "plane";
	}

	/** Whether the step loads a model rather than training one. */
	static boolean loads(final PipelineOptions o) {
		return o.model() != null || o.preset() != Preset.PAPER && o.epochs() == 0;
	}

	static Autoencoder trainOrLoad(final PipelineOptions o, final NamedClouds clouds, final OutputFolder out,
		final ProgressListener progress) throws IOException
	{
		if (o.model() != null) {
			final ModelFolder.Model m = ModelFolder.load(o.model(), settings(o, o.grid(), Map.of()));
			return new Autoencoder(new FoldingNetEncoder(o.preset() == Preset.PAPER ? new ModelFolder.Model(m.weights(), m.settings().asPaper()) : m,
				o.threads()), List.of());
		}
		if (o.preset() == Preset.PAPER) {
			if (o.epochs() == 0) throw new IllegalArgumentException("the paper's preset trains FoldingNet on the scan: give epochs > 0, "
				+ "or a paper checkpoint as model");
			return train(o, clouds, out, progress);
		}
		// The shipped model, encoder only; with epochs, fine-tuned on this scan's clouds first.
		final ModelFolder.Model shipped = ShippedModel.load();
		if (o.epochs() == 0) return new Autoencoder(new FoldingNetEncoder(shipped, o.threads()), List.of());
		return fineTune(o, shipped, clouds, out, progress);
	}

	private static Autoencoder fineTune(final PipelineOptions o, final ModelFolder.Model shipped, final NamedClouds clouds,
		final OutputFolder out, final ProgressListener progress) throws IOException
	{
		final ModelFolder.Settings base = shipped.settings();
		final FoldingGrids.Grid g = FoldingGrids.resolve(base.grid());
		final TrainingOptions paper = TrainingOptions.paper(BATCH);
		final TrainingOptions training = new TrainingOptions(base.k(), paper.learningRate(), paper.weightDecay(), g.points(), g.dimension())
			.withThreads(o.threads());
		final Map<String, String> provenance = new LinkedHashMap<>(base.provenance());
		provenance.put("fine_tuned_by", "Bragg Cloud Pipeline");
		provenance.put("fine_tuned_from", "the shipped model");
		provenance.put("fine_tuning_epochs", Integer.toString(o.epochs()));
		provenance.put("fine_tuning_seed", Long.toString(o.seed()));
		final ModelFolder.Settings settings = new ModelFolder.Settings(base.k(), base.grid(), base.points(), base.normalize(), base.input(),
			base.neighbours(), provenance);
		return runTraining(o, FoldingNetTrainer.resumed(training, shipped.weights()), settings, false, clouds, out, progress);
	}

	private static Autoencoder train(final PipelineOptions o, final NamedClouds clouds, final OutputFolder out,
		final ProgressListener progress) throws IOException
	{
		final String grid = trainingGrid(o);
		final FoldingGrids.Grid g = FoldingGrids.resolve(grid);
		final Map<String, String> provenance = new LinkedHashMap<>();
		final TrainingOptions base = TrainingOptions.paper(BATCH);
		final TrainingOptions training = new TrainingOptions(o.k(), base.learningRate(), base.weightDecay(), g.points(), g.dimension())
			.withThreads(o.threads());
		final boolean rotate = o.preset() == Preset.PAPER;
		provenance.put("trained_by", "Bragg Cloud Pipeline");
		provenance.put("preset", o.preset().key());
		provenance.put("epochs", Integer.toString(o.epochs()));
		provenance.put("batch", Integer.toString(BATCH));
		provenance.put("learning_rate", Double.toString(training.learningRate()));
		provenance.put("rotate", Boolean.toString(rotate));
		provenance.put("seed", Long.toString(o.seed()));
		return runTraining(o, FoldingNetTrainer.initialised(training, o.seed()), settings(o, grid, provenance), rotate, clouds, out, progress);
	}

	private static Autoencoder runTraining(final PipelineOptions o, final FoldingNetTrainer started, final ModelFolder.Settings settings,
		final boolean rotate, final NamedClouds clouds, final OutputFolder out, final ProgressListener progress) throws IOException
	{
		try (FoldingNetTrainer trainer = started) {
			final TrainStage.Result r = TrainStage.run(clouds, settings, trainer, new TrainStage.Options(o.epochs(), BATCH, o.seed(), rotate, 0),
				out, MODEL, progress);
			if (r.outcome().cancelled()) throw new CancellationException("Cancelled during training");
			TrainStage.write(r, out, MODEL);
			return new Autoencoder(new FoldingNetEncoder(r.best(), o.threads()), r.outcome().losses());
		}
	}
}
