package org.braggcloud.plugin;

import ij.ImagePlus;

import java.io.File;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.braggcloud.figures.TrainingPlots;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.network.NeighbourSearch;
import org.braggcloud.network.model.FoldingGrids;
import org.braggcloud.network.model.InputPoints;
import org.braggcloud.network.model.ModelFolder;
import org.braggcloud.io.results.NamedClouds;
import org.braggcloud.network.model.TrainingRun;
import org.braggcloud.network.training.FoldingNetTrainer;
import org.braggcloud.network.training.TrainingOptions;
import org.braggcloud.pipeline.PipelineOptions;
import org.braggcloud.pipeline.Preset;
import org.braggcloud.stage.TrainStage;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Trains the paper's FoldingNet on the clouds of a scan (or a PLY folder) and writes a model folder. */
@Plugin(type = Command.class, label = TrainAutoencoderCommand.TITLE, headless = true)
public class TrainAutoencoderCommand extends StepCommand {

	public static final String TITLE = "Train Autoencoder";

	@Parameter(persist = false, label = "Clouds (clouds.h5 or a folder of PLY files)", style = "both")
	private File clouds;

	@Parameter(persist = false, label = "Model folder to write", style = "directory")
	private File output;

	@Parameter(persist = false, label = "Epochs", min = "1")
	private int epochs = 100;

	@Parameter(persist = false, label = "Clouds per batch", min = "1")
	private int batch = 16;

	@Parameter(persist = false, label = "Points per cloud", min = "16")
	private int points = 2048;

	@Parameter(persist = false, label = "Neighbours k", min = "2")
	private int k = 32;

	@Parameter(persist = false, label = "Grid (auto, plane, sphere, gaussian or a .npy grid file)")
	private String grid = PipelineOptions.AUTO;

	@Parameter(persist = false, label = "Learning rate (0 = the paper's 1e-4 * 16 / batch)", min = "0")
	private double learning_rate = 0;

	@Parameter(persist = false, label = "Weight decay", min = "0")
	private double weight_decay = 1e-6;

	@Parameter(persist = false, label = "Preset (paper: raw clouds read as stored, gaussian grid, rotations)", choices = { "default", "paper" })
	private String preset = "default";

	@Parameter(persist = false, label = "Centre and scale each cloud (default preset)")
	private boolean normalize = true;

	@Parameter(persist = false, label = "Random rotations, the paper's augmentation (default preset)")
	private boolean rotate = false;

	@Parameter(persist = false, label = "Random seed")
	private long seed = 1;

	@Parameter(persist = false, label = "Save a checkpoint every n epochs (0 = never)", min = "0")
	private int checkpoint_every = 0;

	@Parameter(persist = false, label = "Resume from (model folder or checkpoint, optional)", style = "both", required = false)
	private File resume;

	@Parameter(persist = false, label = "Threads (0 = all cores)", min = "0")
	private int threads = 0;

	@Parameter(persist = false, label = "Overwrite existing results")
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Loss curve")
	private ImagePlus loss_curve;

	@Override
	protected void execute(final CommandProgress progress) throws IOException {
		// the paper's code fixed these; the default preset lets each be chosen
		final boolean paper = Preset.of(preset) == Preset.PAPER;
		final boolean centred = !paper && normalize;
		final boolean rotated = paper || rotate;
		final String gridName = !grid.equalsIgnoreCase(PipelineOptions.AUTO) ? grid : paper ? Preset.PAPER_GRID : "plane";
		final InputPoints selection = paper ? InputPoints.STORED : InputPoints.FARTHEST;
		final NamedClouds input = NamedClouds.read(clouds.toPath());
		final FoldingGrids.Grid g = FoldingGrids.resolve(gridName);
		final TrainingOptions base = TrainingOptions.paper(batch);
		final TrainingOptions options = new TrainingOptions(k, learning_rate > 0 ? learning_rate : base.learningRate(), weight_decay, g.points(), g.dimension())
			.withThreads(ThreadCount.of(threads));
		final Map<String, String> provenance = new LinkedHashMap<>();
		provenance.put("clouds", clouds.getAbsolutePath());
		provenance.put("epochs", Integer.toString(epochs));
		provenance.put("batch", Integer.toString(batch));
		provenance.put("learning_rate", Double.toString(options.learningRate()));
		provenance.put("weight_decay", Double.toString(weight_decay));
		provenance.put("seed", Long.toString(seed));
		provenance.put("preset", Preset.of(preset).key());
		provenance.put("rotate", Boolean.toString(rotated));
		if (resume != null) provenance.put("resumed_from", resume.getAbsolutePath());
		final ModelFolder.Settings settings = new ModelFolder.Settings(k, gridName, points, centred, selection, NeighbourSearch.TREE, provenance);
		try (OutputFolder out = outputFolder(output, overwrite);
			FoldingNetTrainer trainer = resume == null ? FoldingNetTrainer.initialised(options, seed) : resumed(options, settings))
		{
			final TrainStage.Result r = TrainStage.run(input, settings, trainer, new TrainStage.Options(epochs, batch, seed, rotated, checkpoint_every),
				out, "", progress);
			final TrainingRun.Outcome outcome = r.outcome();
			if (outcome.losses().isEmpty()) throw new CancellationException("Cancelled before the first epoch finished: no model written");
			TrainStage.write(r, out, "");
			out.commit();
			loss_curve = TrainingPlots.loss(outcome.losses());
			log.info(String.format(Locale.ROOT, "%s after %d epochs; best epoch %d (loss %.4g); model in %s", outcome.cancelled() ? "Cancelled" : "Trained",
				outcome.losses().size(), outcome.bestEpoch(), outcome.losses().get(outcome.bestEpoch() - 1), out.target()));
			progress.done("Training done");
		}
	}

	/** Weights and, where the source saved it, Adam's state; otherwise Adam starts afresh, as logged. */
	private FoldingNetTrainer resumed(final TrainingOptions options, final ModelFolder.Settings settings) throws IOException {
		final ModelFolder.Model model = ModelFolder.load(resume.toPath(), settings);
		if (model.optimizer() == null)
			log.info("Resuming from " + resume + ": it holds no optimiser state, so Adam's moments start from zero");
		else
			log.info("Resuming from " + resume + " with its optimiser state (Adam step " + model.optimizer().step() + ")");
		return FoldingNetTrainer.resumed(options, model.weights(), model.optimizer());
	}
}
