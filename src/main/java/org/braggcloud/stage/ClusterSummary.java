package org.braggcloud.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.braggcloud.io.results.ClusterTable;

/** The per-cluster table of a clustering: pixels, area and the mean of every map over each cluster. */
final class ClusterSummary {

	private ClusterSummary() {}

	/**
	 * @param labels    cluster per pixel, 1..k, 0 for pixels outside every cluster
	 * @param pixelArea area of one pixel in square micrometres; NaN when unknown
	 * @param maps      per-pixel values indexed like {@code labels}; NaN values are ignored
	 */
	static ClusterTable of(final int[] labels, final int k, final double pixelArea, final Map<String, float[]> maps) {
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
	static double squareMicrometres(final double pixelSize, final String unit) {
		if (unit == null || !(pixelSize > 0)) return Double.NaN;
		final double scale = switch (unit.trim().toLowerCase(Locale.ROOT)) {
			case "um", "µm", "\u03bcm", "micron", "microns", "micrometer", "micrometre", "micrometers", "micrometres" -> 1;
			case "nm" -> 1e-3;
			case "mm" -> 1e3;
			default -> Double.NaN;
		};
		return pixelSize * scale * pixelSize * scale;
	}
}
