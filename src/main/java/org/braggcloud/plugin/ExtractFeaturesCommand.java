package org.braggcloud.plugin;

import ij.ImagePlus;

import java.io.File;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.braggcloud.cloud.ChamferDistance;
import org.braggcloud.cloud.PlyWriter;
import org.braggcloud.cloud.PointCloud;
import org.braggcloud.io.FeatureFiles;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.io.ReconstructionTable;
import org.braggcloud.io.TiffImageFile;
import org.braggcloud.network.FoldingNet;
import org.braggcloud.network.NeighbourSearch;
import org.braggcloud.network.model.FeatureExtraction;
import org.braggcloud.network.model.FoldingGrids;
import org.braggcloud.network.model.InputPoints;
import org.braggcloud.network.model.ModelFolder;
import org.braggcloud.network.model.ShippedModel;
import org.braggcloud.network.model.NamedClouds;
import org.braggcloud.pipeline.PipelineOptions;
import org.braggcloud.pipeline.Preset;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** The 512-d FoldingNet codeword of every cloud: features.csv, and for a scan features.tif. */
@Plugin(type = Command.class, label = ExtractFeaturesCommand.TITLE, headless = true)
public class ExtractFeaturesCommand extends ContextCommand {

	public static final String TITLE = "Extract Features";

	@Parameter(persist = false, label = "Clouds (clouds.h5 or a folder of PLY files)", style = "both")
	private File clouds;

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
	private int batch = 16;

	@Parameter(persist = false, label = "Overwrite existing results")
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Features")
	private ImagePlus features;

	@Parameter
	private StatusService status;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		final CommandProgress progress = new CommandProgress(status, this);
		try {
			final ModelFolder.Model loaded = model == null ? ShippedModel.load() : ModelFolder.load(model.toPath(),
				new ModelFolder.Settings(k, grid, points, false, InputPoints.FARTHEST, NeighbourSearch.TREE, Map.of()));
			// the paper's way of reading clouds, whatever the model records
			final ModelFolder.Model m = Preset.of(preset) == Preset.PAPER ? new ModelFolder.Model(loaded.weights(), loaded.settings().asPaper()) : loaded;
			final FoldingGrids.Grid g = FoldingGrids.resolve(m.settings().grid());
			final NamedClouds input = NamedClouds.read(clouds.toPath());
			try (OutputFolder out = OutputFolder.create(output.toPath(), overwrite, "output");
				FoldingNet net = FoldingNet.fromWeights(m.weights(), m.settings().k(), g.points(), g.dimension(),
					Runtime.getRuntime().availableProcessors(), m.settings().neighbours()))
			{
				final FeatureExtraction.Result r = FeatureExtraction.run(net, m.settings(), input.clouds(), batch, reconstruct, progress);
				final String[] columns = r.columns();
				FeatureFiles.writeCsv(out.stage("features.csv"), input.clouds(), r.features(), columns);
				if (input.fromScan()) {
					features = FeatureFiles.stack(input, r.features(), columns);
					TiffImageFile.write(features, out.stage("features.tif"));
				}
				if (reconstruct) {
					final int n = r.reconstructions().length;
					final int[] sizes = new int[n];
					final double[] chamfer = new double[n];
					for (int i = 0; i < n; i++) {
						final NamedClouds.Entry e = input.clouds().get(i);
						final PointCloud rebuilt = PointCloud.of(r.reconstructions()[i]);
						PlyWriter.write(out.stage("reconstructions/" + e.name() + ".ply"), rebuilt);
						sizes[i] = e.cloud().size();
						chamfer[i] = ChamferDistance.of(e.cloud(), rebuilt);
					}
					ReconstructionTable.write(out.stage("reconstruction_error.csv"), input.clouds().stream().map(NamedClouds.Entry::name).toList(),
						sizes, chamfer);
				}
				out.commit();
				log.info("Wrote features of " + input.clouds().size() + " clouds to " + out.target());
				progress.done("Features extracted");
			}
		}
		catch (final IOException | CancellationException | IllegalArgumentException e) {
			cancel(e.getMessage());
		}
	}
}
