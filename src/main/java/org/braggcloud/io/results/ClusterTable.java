package org.braggcloud.io.results;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.braggcloud.clustering.CountCurve;

/**
 * The per-cluster summary (clusters.csv) and the other small clustering tables, as plain
 * columns so that the same numbers go to CSV and to an ImageJ results table.
 * <p>
 * {@link #of} takes optional per-pixel maps (e.g. the conventional strain and tilt maps) and
 * appends each map's mean per cluster, so a caller can set the clusters beside the conventional
 * analysis without another pass over the data.
 *
 * @param columns column names: {@code cluster,pixels,area_um2}, then one per map
 * @param values  one row per cluster, 1..K
 */
public record ClusterTable(List<String> columns, double[][] values) {

	/**
	 * @param labels    cluster per pixel, 1..k, 0 for pixels outside every cluster
	 * @param pixelArea area of one pixel in square micrometres; NaN when unknown
	 * @param maps      per-pixel values indexed like {@code labels}; NaN values are ignored
	 */
	public static ClusterTable of(final int[] labels, final int k, final double pixelArea, final Map<String, float[]> maps) {
		final List<String> columns = new ArrayList<>(List.of("cluster", "pixels", "area_um2"));
		columns.addAll(maps.keySet());
		final double[][] values = new double[k][columns.size()];
		final long[] count = new long[k + 1];
		for (final int l : labels)
			count[l]++;
		for (int c = 1; c <= k; c++) {
			values[c - 1][0] = c;
			values[c - 1][1] = count[c];
			values[c - 1][2] = count[c] * pixelArea;
		}
		int col = 3;
		for (final float[] map : maps.values()) {
			if (map.length != labels.length) throw new IllegalArgumentException("Map of " + map.length + " pixels for " + labels.length + " labels");
			final double[] sum = new double[k + 1];
			final long[] n = new long[k + 1];
			for (int p = 0; p < labels.length; p++)
				if (labels[p] > 0 && !Float.isNaN(map[p])) {
					sum[labels[p]] += map[p];
					n[labels[p]]++;
				}
			for (int c = 1; c <= k; c++)
				values[c - 1][col] = n[c] > 0 ? sum[c] / n[c] : Double.NaN;
			col++;
		}
		return new ClusterTable(List.copyOf(columns), values);
	}

	/** Square micrometres per unit^2, NaN for an unknown unit. */
	public static double squareMicrometres(final double pixelSize, final String unit) {
		if (unit == null || !(pixelSize > 0)) return Double.NaN;
		final double scale = switch (unit.trim().toLowerCase(Locale.ROOT)) {
			case "um", "µm", "\u03bcm", "micron", "microns", "micrometer", "micrometre", "micrometers", "micrometres" -> 1;
			case "nm" -> 1e-3;
			case "mm" -> 1e3;
			default -> Double.NaN;
		};
		return pixelSize * scale * pixelSize * scale;
	}

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
