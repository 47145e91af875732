package org.braggcloud.stage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.braggcloud.figures.TrainingPlots;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.io.PngFile;
import org.braggcloud.io.results.LossTable;
import org.braggcloud.io.results.NamedClouds;
import org.braggcloud.network.checkpoint.FoldingNetWeights;
import org.braggcloud.network.model.FeatureExtraction;
import org.braggcloud.network.model.ModelFolder;
import org.braggcloud.network.model.TrainingRun;
import org.braggcloud.network.training.FoldingNetTrainer;
import org.braggcloud.progress.ProgressListener;

/**
 * The training step: FoldingNet trained (from scratch or from given weights) on clouds read as its
 * settings say, and the model folder it writes: {@code model.json}, {@code weights/},
 * {@code optimizer/}, {@code checkpoints/best/}, {@code checkpoints/epoch_NNNN/} when asked,
 * {@code loss.csv} and {@code loss.png}. Train Autoencoder writes that folder as its output; the
 * pipeline as {@code model/}.
 */
public final class TrainStage {

	/**
	 * @param rotate          the paper's random rotations (15-degree steps about x and z)
	 * @param checkpointEvery save a checkpoint every n epochs; 0 for none
	 */
	public record Options(int epochs, int batch, long seed, boolean rotate, int checkpointEvery) {}

	/** @param outcome the losses and the best epoch's weights and optimiser state */
	public record Result(ModelFolder.Settings settings, TrainingRun.Outcome outcome) {

		/** The best epoch's model, ready to encode. */
		public ModelFolder.Model best() throws IOException {
			return new ModelFolder.Model(FoldingNetWeights.of(outcome.best(), null), settings);
		}
	}

	private TrainStage() {}

	/**
	 * Trains {@code trainer} (which the caller made, initialised or resumed); periodic checkpoints
	 * are staged into {@code folder} of {@code out} as they are reached. The caller writes the
	 * result ({@link #write}) and decides what a cancel keeps.
	 */
	public static Result run(final NamedClouds clouds, final ModelFolder.Settings settings, final FoldingNetTrainer trainer, final Options o,
		final OutputFolder out, final String folder, final ProgressListener progress) throws IOException
	{
		final List<float[]> data = new ArrayList<>();
		for (final NamedClouds.Entry e : clouds.clouds())
			data.add(FeatureExtraction.networkInput(e, settings));
		final TrainingRun.Outcome outcome = TrainingRun.run(trainer, data, o.epochs(), o.batch(), o.seed(), o.rotate(), (epoch, loss, t) -> {
			if (o.checkpointEvery() > 0 && epoch % o.checkpointEvery() == 0)
				ModelFolder.write(out.stage(inside(folder, String.format(Locale.ROOT, "checkpoints/epoch_%04d", epoch))), t.stateDict(),
					t.optimizerState(), settings);
		}, progress);
		return new Result(settings, outcome);
	}

	/** Writes the best model, its copy in {@code checkpoints/best}, and the loss table and curve into {@code folder} ("" for out's root). */
	public static void write(final Result r, final OutputFolder out, final String folder) throws IOException {
		final TrainingRun.Outcome o = r.outcome();
		ModelFolder.write(out.stage(folder.isEmpty() ? "." : folder), o.best(), o.bestOptimizer(), r.settings());
		ModelFolder.write(out.stage(inside(folder, "checkpoints/best")), o.best(), o.bestOptimizer(), r.settings());
		LossTable.write(out.stage(inside(folder, "loss.csv")), o.losses());
		PngFile.write(TrainingPlots.loss(o.losses()), out.stage(inside(folder, "loss.png")));
	}

	private static String inside(final String folder, final String name) {
		return folder.isEmpty() ? name : folder + "/" + name;
	}
}
