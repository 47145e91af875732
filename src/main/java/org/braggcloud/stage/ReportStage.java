package org.braggcloud.stage;

import ij.IJ;
import ij.ImagePlus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.braggcloud.analysis.ClusterProfiles;
import org.braggcloud.cloud.PointCloud;
import org.braggcloud.figures.ClusterFigures;
import org.braggcloud.figures.ClusterImages;
import org.braggcloud.figures.MapImages;
import org.braggcloud.figures.TrainingPlots;
import org.braggcloud.io.PngFile;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.io.results.NamedClouds;
import org.braggcloud.preparation.PreparedScan;
import org.braggcloud.progress.ProgressListener;
import org.braggcloud.report.ReportPage;
import org.braggcloud.scan.RockingScan;
import org.braggcloud.scan.ScanGrid;

/**
 * The report step: the per-cluster pictures (mean rocking curves, mean detector patterns,
 * representative clouds), the flat cluster map and the maps montage, and {@code report.html},
 * which gathers every figure, the cluster table, the run's parameters, versions and timings in one
 * self-contained page. It takes its figures from the other stages' results in memory.
 */
public final class ReportStage {

	/** The report page, the last file a run writes. */
	public static final String PAGE = "report.html";

	/** The report's own figures, which it writes beside the page. */
	private static final List<String> OWN = List.of("rocking_curves.png", "patterns.png", "clouds.png", "clusters.png", "maps.png");

	/**
	 * What the page says of the run besides its results, in the order shown.
	 *
	 * @param parameters the run's settings by name
	 * @param seconds    each step's time by its description
	 */
	public record Options(Map<String, String> parameters, Map<String, Double> seconds) {}

	/**
	 * The results the report shows.
	 *
	 * @param network the encoder of FoldingNet features, or null for descriptors
	 * @param losses  the loss per epoch when the run trained the network, else empty
	 */
	public record Inputs(RockingScan scan, PreparedScan prepared, NamedClouds clouds, FoldingNetEncoder network, List<Double> losses,
		FeatureStage.Result features, ClusterStage.Result clusters, Map<String, float[]> maps) {}

	/** The figures the page shows, by file name, and the page itself. */
	public record Result(Map<String, ImagePlus> figures, ReportPage page) {}

	private ReportStage() {}

	public static Result run(final Inputs in, final Options o, final ProgressListener progress) throws IOException {
		final RockingScan scan = in.scan();
		final ClusterStage.Result clusters = in.clusters();
		final ScanGrid grid = scan.grid();
		final FoldingNetEncoder network = in.network();
		final ClusterProfiles profiles = ClusterProfiles.compute(in.prepared().view(), in.prepared().hot(), in.prepared().background(),
			clusters.labels(), clusters.k(), progress);
		// every figure the page shows, by file name: the report's own and the stages' plots
		final Map<String, ImagePlus> figures = new LinkedHashMap<>(ClusterStage.figures(clusters));
		figures.put("rocking_curves.png", ClusterFigures.rockingCurves(profiles, scan.anglesDeg()));
		figures.put("patterns.png", ClusterFigures.patterns(profiles, scan.anglesDeg()));
		final List<PointCloud> raw = new ArrayList<>();
		final List<PointCloud> reconstructed = network == null ? null : new ArrayList<>();
		for (int c = 0; c < clusters.k(); c++) {
			final NamedClouds.Entry e = in.clouds().clouds().get(clusters.representatives()[c]);
			if (network == null) {
				raw.add(e.cloud());
				continue;
			}
			raw.add(PointCloud.of(network.networkInput(e)));
			reconstructed.add(PointCloud.of(network.reconstruction(in.features().rows()[clusters.representatives()[c]])));
		}
		figures.put("clouds.png", ClusterFigures.clouds(raw, reconstructed));
		figures.put("clusters.png", flatMap(clusters, grid));
		figures.put("maps.png", MapImages.montage(in.maps(), grid.nx(), grid.ny(), grid.stepUm()));
		if (!in.losses().isEmpty()) figures.put("model/loss.png", TrainingPlots.loss(in.losses()));

		final ReportPage page = new ReportPage("Bragg Cloud report: " + scan.name());
		page.paragraph(String.format(Locale.ROOT, "%d x %d scan points (%.3g um steps), %d in the particle mask, %d point clouds, "
			+ "%d clusters (%s).", grid.nx(), grid.ny(), grid.stepUm(), in.prepared().maskedCount(), in.clouds().clouds().size(),
			clusters.k(), clusters.criterion().equals("given") ? "number given" : "chosen by " + clusters.criterion()));
		page.heading("Defect domains");
		figure(page, figures, "clusters.png", "Cluster map (scan pixels; white lines are cluster boundaries)");
		figure(page, figures, "embedding.png", "Features on their first two principal components, coloured by cluster");
		if (figures.containsKey(ClusterStage.COUNT_PLOT)) figure(page, figures, "cluster_count.png", "Cluster-count criteria against K");
		page.heading("Clusters");
		page.table(clusters.table().columns(), rows(clusters.table().values()));
		figure(page, figures, "rocking_curves.png", "Mean rocking curve of each cluster");
		figure(page, figures, "patterns.png", "Mean detector pattern of each cluster at its peak angle");
		figure(page, figures, "clouds.png", network == null ? "Representative cloud of each cluster"
			: "Representative cloud of each cluster as the network saw it, and its reconstruction");
		page.heading("Conventional maps");
		figure(page, figures, "maps.png", "Strain, tilt, width and centroid maps");
		if (figures.containsKey("model/loss.png")) {
			page.heading("Training");
			figure(page, figures, "model/loss.png", "Chamfer loss per cloud against epoch");
		}
		page.heading("Parameters");
		page.keyValues(o.parameters());
		page.heading("Timings (seconds)");
		final Map<String, String> times = new LinkedHashMap<>();
		for (final Map.Entry<String, Double> e : o.seconds().entrySet())
			times.put(e.getKey(), String.format(Locale.ROOT, "%.1f", e.getValue()));
		page.keyValues(times);
		page.heading("Versions");
		page.keyValues(versions());
		return new Result(figures, page);
	}

	/** Writes the report's own figures and, last, the page. */
	public static void write(final Result r, final OutputFolder out) throws IOException {
		for (final String own : OWN)
			PngFile.write(r.figures().get(own), out.stage(own));
		r.page().write(out.stage(PAGE));
	}

	private static ImagePlus flatMap(final ClusterStage.Result clusters, final ScanGrid grid) {
		// enlarge the labels first so the boundary overlay is drawn one screen pixel wide
		final int zoom = Math.max(1, 480 / Math.max(grid.nx(), grid.ny()));
		final int w = grid.nx() * zoom;
		final int[] big = new int[w * grid.ny() * zoom];
		for (int i = 0; i < big.length; i++) big[i] = clusters.labels()[(i / w / zoom) * grid.nx() + (i % w) / zoom];
		return ClusterImages.clusterMap("clusters", big, w, grid.ny() * zoom, clusters.k(), grid.stepUm() / zoom, "um").flatten();
	}

	private static void figure(final ReportPage page, final Map<String, ImagePlus> figures, final String file, final String caption)
		throws IOException
	{
		page.figure(PngFile.encode(figures.get(file)), caption);
	}

	private static List<List<String>> rows(final double[][] values) {
		final List<List<String>> rows = new ArrayList<>();
		for (final double[] r : values) {
			final List<String> row = new ArrayList<>();
			for (final double v : r) row.add(v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v));
			rows.add(row);
		}
		return rows;
	}

	private static Map<String, String> versions() {
		final Map<String, String> v = new LinkedHashMap<>();
		final String ours = ReportStage.class.getPackage().getImplementationVersion();
		v.put("Bragg Cloud", ours != null ? ours : "development build");
		v.put("ImageJ", IJ.getFullVersion());
		v.put("Java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
		v.put("Deep Java Library", ai.djl.engine.Engine.getDjlVersion());
		v.put("libtorch", ai.djl.engine.Engine.getEngine("PyTorch").getVersion());
		v.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " cores");
		return v;
	}
}
