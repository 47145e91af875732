package org.braggcloud.stage;

import ij.ImagePlus;

import java.io.IOException;
import java.util.List;

import org.braggcloud.analysis.PeakDescriptors;
import org.braggcloud.cloud.ChamferDistance;
import org.braggcloud.cloud.PlyWriter;
import org.braggcloud.cloud.PointCloud;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.io.TiffImageFile;
import org.braggcloud.io.results.FeatureFiles;
import org.braggcloud.io.results.FeatureTable;
import org.braggcloud.io.results.NamedClouds;
import org.braggcloud.io.results.ReconstructionTable;
import org.braggcloud.network.model.FeatureExtraction;
import org.braggcloud.progress.ProgressListener;

/**
 * The features step: one row of numbers per cloud, the FoldingNet codeword or the peak
 * descriptors, and its files {@code features.csv}, {@code features.tif} (clouds of a scan) and,
 * when the decoder's points were asked for, {@code reconstructions/NAME.ply} and
 * {@code reconstruction_error.csv}.
 */
public final class FeatureStage {

	/** Clouds per encoder batch: the paper's. */
	public static final int DEFAULT_BATCH = 16;

	/**
	 * @param rows            one per cloud, in the clouds' order
	 * @param reconstructions the decoder's points per cloud, in the cloud's coordinates; null when not asked
	 */
	public record Result(NamedClouds clouds, float[][] rows, String[] columns, float[][] reconstructions) {

		/** The rows as Cluster Features reads them back from {@code features.tif}: on the scan's grid when the clouds have one. */
		public FeatureTable table() {
			final double[][] values = new double[rows.length][];
			for (int i = 0; i < rows.length; i++) {
				values[i] = new double[rows[i].length];
				for (int f = 0; f < values[i].length; f++) values[i][f] = rows[i][f];
			}
			final List<String> names = clouds.clouds().stream().map(NamedClouds.Entry::name).toList();
			if (!clouds.fromScan()) return new FeatureTable(names, values, null);
			final int[] pixels = clouds.clouds().stream().mapToInt(e -> e.y() * clouds.nx() + e.x()).toArray();
			return new FeatureTable(names, values, new FeatureTable.Grid(clouds.nx(), clouds.ny(), pixels, clouds.stepUm(), "um"));
		}
	}

	private FeatureStage() {}

	/** The peak descriptors of every cloud (analysis.PeakDescriptors). */
	public static Result descriptors(final NamedClouds clouds) {
		final float[][] rows = new float[clouds.clouds().size()][];
		for (int i = 0; i < rows.length; i++) {
			final double[] d = PeakDescriptors.of(clouds.clouds().get(i).cloud());
			rows[i] = new float[d.length];
			for (int f = 0; f < d.length; f++) rows[i][f] = (float) d[f];
		}
		return new Result(clouds, rows, PeakDescriptors.NAMES.clone(), null);
	}

	/** The encoder's codewords of every cloud, {@code batch} clouds at a time. */
	public static Result codewords(final NamedClouds clouds, final FoldingNetEncoder encoder, final int batch, final boolean reconstruct,
		final ProgressListener progress)
	{
		final FeatureExtraction.Result r = encoder.extract(clouds, batch, reconstruct, progress);
		return new Result(clouds, r.features(), r.columns(), reconstruct ? r.reconstructions() : null);
	}

	/**
	 * Writes the result's files into {@code out} (staged; the caller commits).
	 *
	 * @return the feature stack written as features.tif, for display; null when the clouds are not a scan's
	 */
	public static ImagePlus write(final Result r, final OutputFolder out) throws IOException {
		final List<NamedClouds.Entry> clouds = r.clouds().clouds();
		FeatureFiles.writeCsv(out.stage("features.csv"), clouds, r.rows(), r.columns());
		final ImagePlus stack = r.clouds().fromScan() ? FeatureFiles.stack(r.clouds(), r.rows(), r.columns()) : null;
		if (stack != null) TiffImageFile.write(stack, out.stage("features.tif"));
		if (r.reconstructions() == null) return stack;
		final int n = r.reconstructions().length;
		final int[] sizes = new int[n];
		final double[] chamfer = new double[n];
		for (int i = 0; i < n; i++) {
			final NamedClouds.Entry e = clouds.get(i);
			final PointCloud rebuilt = PointCloud.of(r.reconstructions()[i]);
			PlyWriter.write(out.stage("reconstructions/" + e.name() + ".ply"), rebuilt);
			sizes[i] = e.cloud().size();
			chamfer[i] = ChamferDistance.of(e.cloud(), rebuilt);
		}
		ReconstructionTable.write(out.stage("reconstruction_error.csv"), clouds.stream().map(NamedClouds.Entry::name).toList(), sizes, chamfer);
		return stack;
	}
}
