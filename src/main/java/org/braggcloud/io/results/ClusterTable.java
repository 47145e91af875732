package org.braggcloud.io.results;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.braggcloud.clustering.CountCurve;

/**
 * The per-cluster summary (clusters.csv) and the other small clustering tables, as plain
 * columns so that the same numbers go to CSV and to an ImageJ results table.
 * The numbers are computed by the clusters stage (stage.ClusterSummary); this is their file.
 *
 * @param columns column names: {@code cluster,pixels,area_um2}, then one per map
 * @param values  one row per cluster, 1..K
 */
public record ClusterTable(List<String> columns, double[][] values) {

	public void write(final Path file) throws IOException {
		try (Writer w = Files.newBufferedWriter(file)) {
			w.write(String.join(",", columns) + "\n");
			for (final double[] row : values) {
				final StringBuilder sb = new StringBuilder();
				for (int j = 0; j < row.length; j++) {
					if (j > 0) sb.append(',');
					sb.append(j < 2 ? Long.toString((long) row[j]) : number(row[j]));
				}
				w.write(sb.append('\n').toString());
			}
		}
	}

	/** {@code name,cluster} per row, clusters 1..K. */
	public static void writeLabels(final Path file, final List<String> names, final int[] clusters) throws IOException {
		try (Writer w = Files.newBufferedWriter(file)) {
			w.write("name,cluster\n");
			for (int i = 0; i < clusters.length; i++)
				w.write(names.get(i) + "," + clusters[i] + "\n");
		}
	}

	/** {@code K} then one column per criterion; empty where a criterion was not evaluated at that K. */
	public static void writeCountCurves(final Path file, final List<CountCurve> curves) throws IOException {
		int kMax = 0;
		for (final CountCurve c : curves)
			for (final int k : c.k())
				kMax = Math.max(kMax, k);
		try (Writer w = Files.newBufferedWriter(file)) {
			final StringBuilder sb = new StringBuilder("K");
			for (final CountCurve c : curves)
				sb.append(',').append(c.name());
			w.write(sb.append('\n').toString());
			for (int k = 1; k <= kMax; k++) {
				sb.setLength(0);
				sb.append(k);
				for (final CountCurve c : curves) {
					final double v = c.valueAt(k);
					sb.append(',').append(Double.isNaN(v) ? "" : Double.toString(v));
				}
				w.write(sb.append('\n').toString());
			}
		}
	}

	private static String number(final double v) {
		return Double.isNaN(v) ? "NaN" : Double.toString(v);
	}
}
