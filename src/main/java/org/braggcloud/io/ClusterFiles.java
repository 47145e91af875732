package org.braggcloud.io;

import ij.ImagePlus;

import java.io.IOException;
import java.util.List;

import org.braggcloud.clustering.CountCurve;
import org.braggcloud.imagej.ClusterImages;

/**
 * The files of a clustering, written the same way by Cluster Features and by the pipeline:
 * {@code labels.csv}, {@code clusters.tif} (for features of a scan), {@code clusters.csv},
 * {@code cluster_count.csv} and {@code .png} (when the count was chosen) and {@code embedding.png}.
 */
public final class ClusterFiles {

	private ClusterFiles() {}

	/**
	 * @param names the feature rows' names; {@code rowLabels} 1..k for each
	 * @param map the cluster map, or null when the features do not come from a scan
	 * @param criterion the count criterion used, or null when the count was given
	 * @param embedding the rows' 2-D PCA coordinates
	 */
	public static void write(final OutputFolder out, final List<String> names, final int[] rowLabels, final int k, final ImagePlus map,
		final ClusterTable table, final List<CountCurve> curves, final String criterion, final double[][] embedding) throws IOException
	{
		ClusterTable.writeLabels(out.stage("labels.csv"), names, rowLabels);
		if (map != null) TiffImageFile.write(map, out.stage("clusters.tif"));
		table.write(out.stage("clusters.csv"));
		if (!curves.isEmpty()) {
			ClusterTable.writeCountCurves(out.stage("cluster_count.csv"), curves);
			PngFile.write(ClusterImages.countPlot(curves, k, criterion), out.stage("cluster_count.png"));
		}
		PngFile.write(ClusterImages.embeddingPlot(embedding, rowLabels, k), out.stage("embedding.png"));
	}
}
