package org.braggcloud.plugin;

import ij.ImagePlus;

import java.io.File;
import java.io.IOException;
import java.util.Map;

import org.braggcloud.io.OutputFolder;
import org.braggcloud.network.NeighbourSearch;
import org.braggcloud.network.model.InputPoints;
import org.braggcloud.network.model.ModelFolder;
import org.braggcloud.network.model.ShippedModel;
import org.braggcloud.io.results.NamedClouds;
import org.braggcloud.pipeline.FeatureKind;
import org.braggcloud.pipeline.PipelineOptions;
import org.braggcloud.pipeline.Preset;
import org.braggcloud.stage.FeatureStage;
import org.braggcloud.stage.FoldingNetEncoder;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * The features step: the 512-d FoldingNet codeword of every cloud (or the peak descriptors):
 * features.csv, and for a scan features.tif.
 */
@Plugin(type = Command.class, label = ExtractFeaturesCommand.TITLE, headless = true)
public class ExtractFeaturesCommand extends StepCommand {

	public static final String TITLE = "Extract Features";

	@Parameter(persist = false, label = "Clouds (clouds.h5 or a folder of PLY files)", style = "both")
	private File clouds;

	@Parameter(persist = false, label = "Features", choices = { "foldingnet", "descriptors" })
	private String features = FeatureKind.FOLDINGNET.key();

	@Parameter(persist = false, label = "Model (optional: a folder or the paper's .pkl/.pt checkpoint; none = the shipped model)", style = "both",
		required = false)
	private File model;

	@Parameter(persist = false, label = "Output folder", style = "directory")
	private File output;

	@Parameter(persist = false, label = "Neighbours k (when the model does not record it)", min = "2")
	private int k = 32;

	@Parameter(persist = false, label = "Grid (auto = the one the model folds; plane, sphere, gaussian or a .npy file)")
	private String grid = PipelineOptions.AUTO;

	@Parameter(persist = false, label = "Preset (paper: raw clouds read as stored)", choices = { "default", "paper" })
	private String preset = "default";

	@Parameter(persist = false, label = "Points per cloud (when the model does not record it)", min = "2")
	private int points = 2048;

	@Parameter(persist = false, label = "Also write the decoder's reconstructions")
	private boolean reconstruct = false;

	@Parameter(persist = false, label = "Clouds per batch", min = "1")
	private int batch = FeatureStage.DEFAULT_BATCH;

	@Parameter(persist = false, label = "Overwrite existing results")
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Features")
	private ImagePlus feature_image;

	@Override
	protected void execute(final CommandProgress progress) throws IOException {
		final NamedClouds input = NamedClouds.read(clouds.toPath());
		final FeatureStage.Result r;
		if (FeatureKind.of(features) == FeatureKind.DESCRIPTORS) r = FeatureStage.descriptors(input);
		else try (FoldingNetEncoder encoder = new FoldingNetEncoder(model(), Runtime.getRuntime().availableProcessors())) {
			r = FeatureStage.codewords(input, encoder, batch, reconstruct, progress);
		}
		try (OutputFolder out = outputFolder(output, overwrite)) {
			final ImagePlus written = FeatureStage.write(r, out);
			out.commit();
			feature_image = written;
			log.info("Wrote features of " + input.clouds().size() + " clouds to " + out.target());
			progress.done("Features extracted");
		}
	}

	/** The shipped model unless one is given; under the paper's preset read the paper's way, whatever the model records. */
	private ModelFolder.Model model() throws IOException {
		final ModelFolder.Model loaded = model == null ? ShippedModel.load() : ModelFolder.load(model.toPath(),
			new ModelFolder.Settings(k, grid, points, false, InputPoints.FARTHEST, NeighbourSearch.TREE, Map.of()));
		return Preset.of(preset) == Preset.PAPER ? new ModelFolder.Model(loaded.weights(), loaded.settings().asPaper()) : loaded;
	}
}
