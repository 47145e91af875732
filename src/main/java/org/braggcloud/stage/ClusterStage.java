package org.braggcloud.stage;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.braggcloud.clustering.ClusterAnalysis;
import org.braggcloud.clustering.CountCurve;
import org.braggcloud.clustering.DomainClustering;
import org.braggcloud.figures.ClusterImages;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.io.PngFile;
import org.braggcloud.io.TiffImageFile;
import org.braggcloud.io.results.ClusterTable;
import org.braggcloud.io.results.FeatureTable;
import org.braggcloud.progress.ProgressListener;

/**
 * The clusters step: feature rows to defect domains, and the files that say so. Cluster Features
 * and the pipeline both run it, so they cluster alike and write the same files:
 * {@code labels.csv}, {@code clusters.tif} (rows of a scan), {@code clusters.csv},
 * {@code cluster_count.csv} and {@code .png} (when the count was chosen) and {@code embedding.png}.
 */
public final class ClusterStage {

	/**
	 * @param recipe    how rows are scaled and smoothed before clustering
	 * @param criterion the count criterion; null for the recipe's own
	 * @param clusters  the count; 0 chooses it
	 * @param kMax      the largest count considered (capped at the number of rows)
	 */
	public record Options(DomainClustering.Recipe recipe, ClusterAnalysis.Criterion criterion, ClusterAnalysis.Method method,
		int clusters, int kMax, long seed, int threads)
	{
		public Options {
			if (clusters < 0) throw new IllegalArgumentException("clusters=" + clusters + ": expected 0 (automatic) or a count >= 1");
		}
	}

	/**
	 * @param rowLabels      per feature row: 1..k
	 * @param labels         per scan point (0 where no row lies); null when the rows are not scan pixels
	 * @param criterion      the count criterion's key, or "given"
	 * @param embedding      the rows' first two principal components
	 * @param representatives per cluster (index c - 1): the row nearest its centre in the embedding
	 */
	public record Result(FeatureTable features, int[] rowLabels, int[] labels, int k, ClusterTable table, List<CountCurve> curves,
		String criterion, double[][] embedding, int[] representatives) {}

	public static final String COUNT_PLOT = "cluster_count.png";
	public static final String EMBEDDING_PLOT = "embedding.png";

	private ClusterStage() {}

	/**
	 * @param maps conventional maps (scan point order) whose per-cluster means the table carries;
	 *     empty for none
	 */
	public static Result run(final FeatureTable features, final Options options, final Map<String, float[]> maps,
		final ProgressListener progress)
	{
		final int n = features.rows().length;
		final FeatureTable.Grid grid = features.grid();
		if (options.clusters() > n)
			throw new IllegalArgumentException("clusters=" + options.clusters() + " but only " + n + (grid != null ? " pixels have" : " clouds have") + " features");
		if (n > 1 && allEqual(features.rows()))
			throw new IllegalArgumentException("the features do not separate the " + n + (grid != null ? " pixels" : " clouds")
				+ ": every row is the same, so there is one domain at most");
		progress.progress("Clustering", 0, 1);
		final DomainClustering clustering = DomainClustering.builder().recipe(options.recipe()).criterion(options.criterion())
			.method(options.method()).clusters(options.clusters()).kMax(options.kMax()).seed(options.seed()).threads(options.threads());
		if (grid != null) clustering.scanPixels(grid.pixel(), grid.nx(), grid.ny());
		final ClusterAnalysis.Result r = clustering.run(features.rows());
		progress.progress("Clustering", 1, 1);
		final int k = r.k();
		final int[] rowLabels = new int[n];
		final int[] sizes = new int[k + 1];
		for (int i = 0; i < n; i++) {
			rowLabels[i] = r.labels()[i] + 1;
			sizes[rowLabels[i]]++;
		}
		for (int c = 1; c <= k; c++)
			if (sizes[c] == 0) throw new IllegalArgumentException("the features do not separate into " + k + " clusters: cluster " + c
				+ " is empty; ask for fewer");
		int[] labels = null;
		final ClusterTable table;
		if (grid != null) {
			labels = new int[grid.nx() * grid.ny()];
			for (int i = 0; i < n; i++)
				labels[grid.pixel()[i]] = rowLabels[i];
			table = ClusterSummary.of(labels, k, ClusterSummary.squareMicrometres(grid.pixelSize(), grid.unit()), maps);
		}
		else table = ClusterSummary.of(rowLabels, k, Double.NaN, Map.of());
		return new Result(features, rowLabels, labels, k, table, r.curves(), r.curves().isEmpty() ? "given" : r.criterion().key(),
			r.embedding(), representatives(r.embedding(), rowLabels, k));
	}

	/**
	 * Writes the result's files into {@code out} (staged; the caller commits).
	 *
	 * @return the cluster map written as clusters.tif, for display; null when the rows are not scan pixels
	 */
	public static ij.ImagePlus write(final Result r, final OutputFolder out) throws IOException {
		ClusterTable.writeLabels(out.stage("labels.csv"), r.features().names(), r.rowLabels());
		final ij.ImagePlus map = map(r);
		if (map != null) TiffImageFile.write(map, out.stage("clusters.tif"));
		r.table().write(out.stage("clusters.csv"));
		if (!r.curves().isEmpty()) ClusterTable.writeCountCurves(out.stage("cluster_count.csv"), r.curves());
		for (final Map.Entry<String, ij.ImagePlus> f : figures(r).entrySet())
			PngFile.write(f.getValue(), out.stage(f.getKey()));
		return map;
	}

	/** The plots, by file name: {@code cluster_count.png} when the count was chosen, and {@code embedding.png}. */
	public static Map<String, ij.ImagePlus> figures(final Result r) {
		final Map<String, ij.ImagePlus> figures = new LinkedHashMap<>();
		if (!r.curves().isEmpty()) figures.put(COUNT_PLOT, ClusterImages.countPlot(r.curves(), r.k(), r.criterion()));
		figures.put(EMBEDDING_PLOT, ClusterImages.embeddingPlot(r.embedding(), r.rowLabels(), r.k()));
		return figures;
	}

	/** The cluster map as a calibrated label image with its outlines; null when the rows are not scan pixels. */
	public static ij.ImagePlus map(final Result r) {
		final FeatureTable.Grid g = r.features().grid();
		if (g == null) return null;
		return ClusterImages.clusterMap("clusters", r.labels(), g.nx(), g.ny(), r.k(), g.pixelSize(), g.unit());
	}

	private static boolean allEqual(final double[][] rows) {
		for (final double[] r : rows)
			if (!Arrays.equals(r, rows[0])) return false;
		return true;
	}

	/** Per cluster, the row nearest the cluster's mean position in the 2-D embedding. */
	static int[] representatives(final double[][] embedding, final int[] labels, final int k) {
		final double[][] mean = new double[k][2];
		final int[] count = new int[k];
		for (int i = 0; i < labels.length; i++) {
			mean[labels[i] - 1][0] += embedding[i][0];
			mean[labels[i] - 1][1] += embedding[i][1];
			count[labels[i] - 1]++;
		}
		final int[] best = new int[k];
		final double[] bestDistance = new double[k];
		Arrays.fill(best, -1);
		for (int i = 0; i < labels.length; i++) {
			final int c = labels[i] - 1;
			final double dx = embedding[i][0] - mean[c][0] / count[c];
			final double dy = embedding[i][1] - mean[c][1] / count[c];
			final double d = dx * dx + dy * dy;
			if (best[c] < 0 || d < bestDistance[c]) {
				best[c] = i;
				bestDistance[c] = d;
			}
		}
		return best;
	}
}
