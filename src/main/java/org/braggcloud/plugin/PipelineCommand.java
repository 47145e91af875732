package org.braggcloud.plugin;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.io.File;
import java.io.IOException;
import java.util.Locale;

import org.braggcloud.imagej.ResultTables;
import org.braggcloud.clustering.ClusterAnalysis;
import org.braggcloud.figures.ClusterImages;
import org.braggcloud.imagej.PixelViews;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.pipeline.FeatureKind;
import org.braggcloud.pipeline.Pipeline;
import org.braggcloud.pipeline.PipelineOptions;
import org.braggcloud.pipeline.PipelineResult;
import org.braggcloud.pipeline.Preset;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Raw scan to defect-domain map and report in one run (see {@link Pipeline}). */
@Plugin(type = Command.class, label = PipelineCommand.TITLE, headless = true)
public class PipelineCommand extends StepCommand {

	public static final String TITLE = "Bragg Cloud Pipeline";

	@Parameter(persist = false, label = "Scan descriptor (scan.json)", style = "open")
	private File scan;

	@Parameter(persist = false, label = "Output folder", style = "directory")
	private File output;

	@Parameter(persist = false, label = "Clusters (0 = automatic)", min = "0")
	private int clusters = 0;

	@Parameter(persist = false, label = "Correct drift between rocking scans")
	private boolean align = true;

	@Parameter(persist = false, label = "Features", choices = { "descriptors", "foldingnet" })
	private String features = PipelineOptions.DEFAULT_FEATURES.key();

	@Parameter(persist = false, label = "Preset (paper: the published code's choices, FoldingNet features)", choices = { "default", "paper" })
	private String preset = "default";

	@Parameter(persist = false, label = "Cluster count criterion (auto = the preset's)", choices = { "auto", "boundaries", "paper", "silhouette", "bic" })
	private String criterion = PipelineOptions.AUTO;

	@Parameter(persist = false, label = "Decoder grid (auto, plane, sphere, gaussian or a .npy file)")
	private String grid = PipelineOptions.AUTO;

	@Parameter(persist = false, label = "Trained model (optional: folder or paper checkpoint)", style = "both", required = false)
	private File model;

	@Parameter(persist = false, label = "Fine-tuning epochs (0 = the shipped model as it is; the paper's preset trains this many)", min = "0")
	private int epochs = PipelineOptions.DEFAULT_EPOCHS;

	@Parameter(persist = false, label = "Points per cloud", min = "16")
	private int points = PipelineOptions.DEFAULT_POINTS;

	@Parameter(persist = false, label = "Neighbours k", min = "2")
	private int k = PipelineOptions.DEFAULT_K;

	@Parameter(persist = false, label = "Random seed")
	private long seed = 1;

	@Parameter(persist = false, label = "Threads (0 = all cores)", min = "0")
	private int threads = 0;

	@Parameter(persist = false, label = "Overwrite existing results")
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Cluster map")
	private ImagePlus cluster_map;

	@Parameter(type = ItemIO.OUTPUT, label = "Clusters")
	private ResultsTable cluster_table;

	@Override
	protected void execute(final CommandProgress progress) throws IOException {
		try (OutputFolder out = outputFolder(output, overwrite)) {
			final PipelineOptions options = PipelineOptions.of(clusters, align, features, preset, criterion, grid,
				model == null ? null : model.toPath(), epochs, points, k, seed, ThreadCount.of(threads));
			final PipelineResult r = new Pipeline(options).progress(progress).run(scan.toPath(), out);
			cluster_map = ClusterImages.clusterMap("clusters", r.labels(), r.nx(), r.ny(), r.k(), r.stepUm(), "um");
			// double-clicking a pixel in Fiji opens its rocking curve, frames and cloud
			cluster_map.setProp(PixelViews.SCAN, scan.getAbsolutePath());
			cluster_map.setProp(PixelViews.CLOUDS, r.output().resolve("clouds/clouds.h5").toString());
			cluster_table = ResultTables.clusters(r.clusters());
			double total = 0;
			for (final double s : r.seconds().values()) total += s;
			log.info(String.format(Locale.ROOT, "%d domains in %.0f s; report: %s", r.k(), total, r.output().resolve("report.html")));
			progress.done("Pipeline done");
		}
	}
}
