package org.braggcloud.pipeline;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.braggcloud.clustering.ClusterAnalysis;
import org.braggcloud.clustering.CountCurve;
import org.braggcloud.clustering.DomainClustering;
import org.braggcloud.imagej.ClusterImages;
import org.braggcloud.io.ClusterFiles;
import org.braggcloud.io.ClusterTable;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.network.model.NamedClouds;
import org.braggcloud.progress.ProgressListener;
import org.braggcloud.scan.ScanGrid;

/** Clusters the features into domains and writes the map, the per-cluster table and the plots. */
final class ClusterStep {

	/**
	 * Everything the report needs.
	 *
	 * @param labels per scan point: 0 outside the clusters, 1..k
	 * @param rowLabels per cloud (feature row): 1..k
	 * @param representatives per cluster (index c - 1): the cloud nearest its centre in the embedding
	 */
	record Outcome(int[] labels, int[] rowLabels, int k, ClusterTable table, List<CountCurve> curves, String criterion,
		double[][] embedding, int[] representatives) {}

	static final int K_MAX = 15;

	private final PipelineOptions options;
	private final ProgressListener progress;

	ClusterStep(final PipelineOptions options, final ProgressListener progress) {
		this.options = options;
		this.progress = progress;
	}

	Outcome run(final NamedClouds clouds, final FeatureSet features, final ScanGrid grid, final Map<String, float[]> maps,
		final OutputFolder out) throws IOException
	{
		final int n = features.rows().length;
		if (options.clusters() > n) {
			throw new IllegalArgumentException("clusters=" + options.clusters() + " but only " + n + " pixels have features");
		}
		final double[][] rows = new double[n][];
		for (int i = 0; i < n; i++) {
			rows[i] = new double[features.rows()[i].length];
			for (int f = 0; f < rows[i].length; f++) rows[i][f] = features.rows()[i][f];
		}
		progress.progress("Clustering", 0, 1);
		final ClusterAnalysis.Result r = DomainClustering.builder()
			.recipe(options.preset() == Preset.PAPER ? DomainClustering.Recipe.PAPER : DomainClustering.Recipe.SCAN)
			.criterion(options.countCriterion()).clusters(options.clusters()).scanPixels(pixels(clouds, grid.nx()), grid.nx(), grid.ny())
			.kMax(Math.min(K_MAX, n)).seed(options.seed()).threads(options.threads()).run(rows);
		progress.progress("Clustering", 1, 1);
		final int k = r.k();
		final int[] rowLabels = new int[n];
		final int[] image = new int[grid.nx() * grid.ny()];
		for (int i = 0; i < n; i++) {
			rowLabels[i] = r.labels()[i] + 1;
			final NamedClouds.Entry e = clouds.clouds().get(i);
			image[e.y() * grid.nx() + e.x()] = rowLabels[i];
		}
		final ClusterTable table = ClusterTable.of(image, k, ClusterTable.squareMicrometres(grid.stepUm(), "um"), maps);
		ClusterFiles.write(out, clouds.clouds().stream().map(NamedClouds.Entry::name).toList(), rowLabels, k,
			ClusterImages.clusterMap("clusters", image, grid.nx(), grid.ny(), k, grid.stepUm(), "um"), table, r.curves(),
			r.curves().isEmpty() ? null : r.criterion().key(), r.embedding());
		return new Outcome(image, rowLabels, k, table, r.curves(), r.curves().isEmpty() ? "given" : r.criterion().key(),
			r.embedding(), representatives(r.embedding(), rowLabels, k));
	}

	private static int[] pixels(final NamedClouds clouds, final int nx) {
		return clouds.clouds().stream().mapToInt(e -> e.y() * nx + e.x()).toArray();
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
		java.util.Arrays.fill(best, -1);
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
