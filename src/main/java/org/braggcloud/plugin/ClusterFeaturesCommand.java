package org.braggcloud.plugin;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.braggcloud.imagej.ResultTables;
import org.braggcloud.clustering.ClusterAnalysis;
import org.braggcloud.clustering.DomainClustering;
import org.braggcloud.io.results.FeatureTable;
import org.braggcloud.io.results.MapTable;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.pipeline.PipelineOptions;
import org.braggcloud.pipeline.Preset;
import org.braggcloud.scan.ScanFormatException;
import org.braggcloud.stage.ClusterStage;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Codewords to a cluster map of defect domains, with the cluster-count curves and a PCA picture. */
@Plugin(type = Command.class, label = ClusterFeaturesCommand.TITLE, headless = true)
public class ClusterFeaturesCommand extends StepCommand {

	public static final String TITLE = "Cluster Features";

	@Parameter(persist = false, label = "Features (features.tif or features.csv)", style = "open")
	private File features;

	@Parameter(persist = false, label = "Maps whose cluster means to tabulate (maps.csv, optional)", style = "open", required = false)
	private File maps;

	@Parameter(persist = false, label = "Output folder", style = "directory")
	private File output;

	@Parameter(persist = false, label = "Clusters (0 = automatic)", min = "0")
	private int clusters = 0;

	@Parameter(persist = false, label = "Method", choices = {"kmeans", "gmm"})
	private String method = "kmeans";

	@Parameter(persist = false, label = "Preset", choices = { "default", "paper" })
	private String preset = "default";

	@Parameter(persist = false, label = "Cluster count criterion (when automatic)", choices = { "auto", "boundaries", "paper", "silhouette", "bic" })
	private String criterion = PipelineOptions.AUTO;

	@Parameter(persist = false, label = "Largest cluster count considered", min = "2")
	private int k_max = ClusterAnalysis.DEFAULT_K_MAX;

	@Parameter(persist = false, label = "Random seed")
	private long seed = 1;

	@Parameter(persist = false, label = "Overwrite existing results")
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Cluster map")
	private ImagePlus map;

	@Parameter(type = ItemIO.OUTPUT, label = "Clusters")
	private ResultsTable table;

	@Override
	protected void execute(final CommandProgress progress) throws IOException {
		final Path in = features.toPath();
		final FeatureTable t = FeatureTable.read(in);
		final ClusterStage.Result r;
		try {
			r = ClusterStage.run(t, options(), maps(t), progress);
		}
		catch (final IllegalArgumentException e) {
			throw new ScanFormatException(in, null, e.getMessage());
		}
		try (OutputFolder out = outputFolder(output, overwrite)) {
			final ImagePlus written = ClusterStage.write(r, out);
			out.commit();
			map = written;
			table = ResultTables.clusters(r.table());
			log.info("Clustered " + t.rows().length + " feature rows into " + r.k() + " clusters in " + out.target());
		}
	}

	private Map<String, float[]> maps(final FeatureTable t) throws IOException {
		if (maps == null) return Map.of();
		if (t.grid() == null) throw new ScanFormatException(features.toPath(), null, "its rows are not scan pixels, so maps cannot be matched to them; run without maps");
		return MapTable.read(maps.toPath(), t.grid().nx(), t.grid().ny());
	}

	/** On a scan the pipeline's own recipe: smoothing, noise weights and the boundaries criterion. */
	private ClusterStage.Options options() {
		return new ClusterStage.Options(Preset.of(preset) == Preset.PAPER ? DomainClustering.Recipe.PAPER : DomainClustering.Recipe.SCAN,
			criterion.equalsIgnoreCase(PipelineOptions.AUTO) ? null : ClusterAnalysis.Criterion.parse(criterion),
			ClusterAnalysis.Method.parse(method), clusters, k_max, seed, Runtime.getRuntime().availableProcessors());
	}
}
