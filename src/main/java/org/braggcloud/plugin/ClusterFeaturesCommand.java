package org.braggcloud.plugin;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.braggcloud.clustering.ClusterAnalysis;
import org.braggcloud.clustering.DomainClustering;
import org.braggcloud.imagej.ClusterImages;
import org.braggcloud.io.ClusterFiles;
import org.braggcloud.io.ClusterTable;
import org.braggcloud.io.FeatureTable;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.pipeline.PipelineOptions;
import org.braggcloud.pipeline.Preset;
import org.braggcloud.scan.ScanFormatException;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Codewords to a cluster map of defect domains, with the cluster-count curves and a PCA picture. */
@Plugin(type = Command.class, label = ClusterFeaturesCommand.TITLE, headless = true)
public class ClusterFeaturesCommand extends ContextCommand {

	public static final String TITLE = "Cluster Features";

	@Parameter(persist = false, label = "Features (features.tif or features.csv)", style = "open")
	private File features;

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
	private int k_max = 15;

	@Parameter(persist = false, label = "Random seed")
	private long seed = 1;

	@Parameter(persist = false, label = "Overwrite existing results")
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Cluster map")
	private ImagePlus map;

	@Parameter(type = ItemIO.OUTPUT, label = "Clusters")
	private ResultsTable table;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		final Path in = features.toPath();
		try {
			final FeatureTable t = FeatureTable.read(in);
			final int n = t.rows().length;
			if (clusters > n) throw new ScanFormatException(in, null, "clusters=" + clusters + " but only " + n + (t.grid() != null ? " pixels have" : " clouds have") + " features");
			final ClusterAnalysis.Result r = analyse(t, in);
			final int[] labels = new int[n];
			for (int i = 0; i < n; i++)
				labels[i] = r.labels()[i] + 1;
			try (OutputFolder out = OutputFolder.create(output.toPath(), overwrite, "output")) {
				final FeatureTable.Grid g = t.grid();
				ClusterTable summary = ClusterTable.of(labels, r.k(), Double.NaN, Map.of());
				if (g != null) {
					final int[] image = new int[g.nx() * g.ny()];
					for (int i = 0; i < n; i++)
						image[g.pixel()[i]] = labels[i];
					map = ClusterImages.clusterMap("clusters", image, g.nx(), g.ny(), r.k(), g.pixelSize(), g.unit());
					summary = ClusterTable.of(image, r.k(), ClusterTable.squareMicrometres(g.pixelSize(), g.unit()), Map.of());
				}
				ClusterFiles.write(out, t.names(), labels, r.k(), map, summary, r.curves(), r.curves().isEmpty() ? null : r.criterion().key(),
					r.embedding());
				out.commit();
				table = ClusterImages.resultsTable(summary);
				log.info("Clustered " + n + " feature rows into " + r.k() + " clusters in " + out.target());
			}
		}
		catch (final IOException | CancellationException e) {
			cancel(e.getMessage());
		}
	}

	private ClusterAnalysis.Result analyse(final FeatureTable t, final Path in) throws ScanFormatException {
		try {
			final FeatureTable.Grid g = t.grid();
			// the pipeline's own recipe: on a scan, smoothing, noise weights and the boundaries criterion
			final DomainClustering clustering = DomainClustering.builder()
				.recipe(Preset.of(preset) == Preset.PAPER ? DomainClustering.Recipe.PAPER : DomainClustering.Recipe.SCAN)
				.criterion(criterion.equalsIgnoreCase(PipelineOptions.AUTO) ? null : ClusterAnalysis.Criterion.parse(criterion))
				.method(ClusterAnalysis.Method.parse(method)).clusters(clusters).kMax(k_max).seed(seed)
				.threads(Runtime.getRuntime().availableProcessors());
			if (g != null) clustering.scanPixels(g.pixel(), g.nx(), g.ny());
			return clustering.run(t.rows());
		}
		catch (final IllegalArgumentException e) {
			throw new ScanFormatException(in, null, e.getMessage());
		}
	}
}
