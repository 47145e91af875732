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
import org.braggcloud.network.model.FoldingGrids;
import org.braggcloud.network.model.InputPoints;
import org.braggcloud.network.model.ModelFolder;
import org.braggcloud.network.model.NamedClouds;
import org.braggcloud.network.model.TrainingRun;
import org.braggcloud.network.training.FoldingNetTrainer;
import org.braggcloud.network.training.TrainingOptions;
import org.braggcloud.progress.ProgressListener;

/**
 * Trains FoldingNet on the scan's own clouds (the paper's recipe: Adam, Chamfer loss, batch 16),
 * writing {@code model/} with its loss curve, or loads the model the user gave.
 */
final class AutoencoderStep {

	static final int BATCH = 16;

	private AutoencoderStep() {}

	/**
	 * How the network reads clouds under the options' preset. Training searches neighbours with
	 * the kd-tree; a paper checkpoint keeps the paper's dense search ({@link ModelFolder#load}).
	 */
	static ModelFolder.Settings settings(final PipelineOptions o, final String grid, final Map<String, String> provenance) {
		final boolean paper = o.preset() == Preset.PAPER;
		// Bragg Cloud centres and scales clouds, so the codeword describes the peak's shape and the
		// position (strain, tilt) stays in the maps and descriptors; the paper's network reads them raw.
		return new ModelFolder.Settings(o.k(), grid, o.points(), !paper, paper ? InputPoints.STORED : InputPoints.FARTHEST,
			NeighbourSearch.TREE, provenance);
	}

	/** The grid training uses: the options' own, else the preset's. */
	static String trainingGrid(final PipelineOptions o) {
		if (!o.grid().equalsIgnoreCase(PipelineOptions.AUTO)) return o.grid();
		return o.preset() == Preset.PAPER ? Preset.PAPER_GRID : "plane";
	}

	static FeatureSource trainOrLoad(final PipelineOptions o, final NamedClouds clouds, final OutputFolder out,
		final ProgressListener progress) throws IOException
	{
		if (o.model() != null) {
			final ModelFolder.Model m = ModelFolder.load(o.model(), settings(o, o.grid(), Map.of()));
			return new FeatureSource(o.preset() == Preset.PAPER ? new ModelFolder.Model(m.weights(), m.settings().asPaper()) : m,
				o.threads());
		}
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
		final ModelFolder.Settings settings = settings(o, grid, provenance);
		final List<float[]> data = new ArrayList<>();
		for (final NamedClouds.Entry e : clouds.clouds()) data.add(FeatureExtraction.networkInput(e, settings));
		try (FoldingNetTrainer trainer = FoldingNetTrainer.initialised(training, o.seed())) {
			final TrainingRun.Outcome outcome = TrainingRun.run(trainer, data, o.epochs(), BATCH, o.seed(), rotate,
				(epoch, loss, t) -> {}, progress);
			if (outcome.cancelled()) throw new CancellationException("Cancelled during training");
			ModelFolder.write(out.stage("model"), outcome.best(), settings);
			LossTable.write(out.stage("model/loss.csv"), outcome.losses());
			PngFile.write(TrainingPlots.loss(outcome.losses()), out.stage("model/loss.png"));
			return new FeatureSource(new ModelFolder.Model(FoldingNetWeights.of(outcome.best(), null), settings), o.threads());
		}
	}
}
