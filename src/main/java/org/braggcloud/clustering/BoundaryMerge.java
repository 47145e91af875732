package org.braggcloud.clustering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges clusters whose shared boundary in the scan is no jump. A domain boundary is a
 * discontinuity of the lattice: features change across it by far more than between neighbours
 * inside a domain. A cut that k-means makes through one domain, along a strain gradient or a
 * bend, is soft: across it, neighbours differ no more than neighbours anywhere inside a cluster.
 * <p>
 * Rule: over all pairs of neighbouring scan pixels (8-connected) in the same cluster, take the
 * median and the spread (MAD) of their feature distance. For a pair of clusters that share m >= 3
 * neighbouring pixel pairs, the median distance across their boundary would, if they were one
 * domain, lie near the within median, with the standard error of a median of m draws. While some
 * boundary lies less than 3.09 standard errors above it (one-sided 0.1 %), merge the pair that
 * lies lowest. So an over-split clustering (as the mixture BIC gives) comes back to its domains,
 * and no fixed count or scale is involved.
 */
public final class BoundaryMerge {

	/** A boundary is a jump when its median beats the within median by this many standard errors (one-sided 0.1 %). */
	private static final double JUMP_Z = 3.09;
	private static final double MAD_TO_SIGMA = 1.4826;
	/** Standard error of a median of m draws, in units of sigma / sqrt(m). */
	private static final double MEDIAN_SE = 1.2533;
	private static final int MIN_PAIRS = 3;

	private BoundaryMerge() {}

	/**
	 * @param rows   features as clustered (scaled), one row per scan pixel
	 * @param labels cluster of each row, 0-based
	 * @param pixels scan pixel of each row, {@code y * nx + x}
	 * @return the merged labels, renumbered 0..k'-1 in order of first appearance
	 */
	public static int[] of(final double[][] rows, final int[] labels, final int[] pixels, final int nx, final int ny) {
		final int[] rowAt = new int[nx * ny];
		Arrays.fill(rowAt, -1);
		for (int i = 0; i < rows.length; i++) rowAt[pixels[i]] = i;
		final List<int[]> pairs = new ArrayList<>();
		final List<Double> distances = new ArrayList<>();
		final int[][] steps = { { 1, 0 }, { 0, 1 }, { 1, 1 }, { -1, 1 } };
		for (int i = 0; i < rows.length; i++) {
			final int x = pixels[i] % nx, y = pixels[i] / nx;
			for (final int[] s : steps) {
				final int xx = x + s[0], yy = y + s[1];
				if (xx < 0 || yy < 0 || xx >= nx || yy >= ny) continue;
				final int j = rowAt[yy * nx + xx];
				if (j < 0) continue;
				pairs.add(new int[] { i, j });
				distances.add(distance(rows[i], rows[j]));
			}
		}
		final int[] merged = labels.clone();
		dissolveBoundaries(rows, merged, rowAt, pixels, nx, ny);
		while (true) {
			final List<Double> within = new ArrayList<>();
			final Map<Long, List<Double>> across = new HashMap<>();
			for (int t = 0; t < pairs.size(); t++) {
				final int a = merged[pairs.get(t)[0]], b = merged[pairs.get(t)[1]];
				if (a == b) within.add(distances.get(t));
				else across.computeIfAbsent(key(a, b), q -> new ArrayList<>()).add(distances.get(t));
			}
			if (within.size() < 8) break;
			final double centre = quantile(within, 0.5);
			final double spread = MAD_TO_SIGMA * quantile(within.stream().map(v -> Math.abs(v - centre)).toList(), 0.5);
			long best = -1;
			double bestExcess = Double.POSITIVE_INFINITY;
			for (final Map.Entry<Long, List<Double>> e : across.entrySet()) {
				final int m = e.getValue().size();
				if (m < MIN_PAIRS) continue;
				// How far the boundary's median lies above the within median, in standard errors of a median of m.
				final double excess = (quantile(e.getValue(), 0.5) - centre) / (MEDIAN_SE * spread / Math.sqrt(m));
				if (excess < bestExcess) {
					bestExcess = excess;
					best = e.getKey();
				}
			}
			if (best < 0 || !(bestExcess < JUMP_Z)) break;
			final int keep = (int) (best >>> 32), drop = (int) (best & 0xffffffffL);
			for (int i = 0; i < merged.length; i++)
				if (merged[i] == drop) merged[i] = keep;
		}
		return renumber(merged);
	}

	/**
	 * A cluster with no interior pixel (none whose 8 neighbours all carry its label) is no domain
	 * but the seam between domains, where the beam or drift correction mixes two of them: its
	 * pixels go to the adjacent cluster with the nearest mean, one such cluster at a time.
	 */
	private static void dissolveBoundaries(final double[][] rows, final int[] labels, final int[] rowAt, final int[] pixels,
		final int nx, final int ny)
	{
		while (true) {
			final int k = Arrays.stream(labels).max().orElse(-1) + 1;
			final boolean[] interior = new boolean[k];
			final int[] size = new int[k];
			for (int i = 0; i < rows.length; i++) {
				size[labels[i]]++;
				if (isInterior(labels, rowAt, pixels[i], labels[i], nx, ny)) interior[labels[i]] = true;
			}
			int seam = -1;
			int clusters = 0;
			for (int c = 0; c < k; c++) {
				if (size[c] == 0) continue;
				clusters++;
				if (!interior[c] && (seam < 0 || size[c] < size[seam])) seam = c;
			}
			if (seam < 0 || clusters <= 2) return;
			final double[][] means = new double[k][rows[0].length];
			for (int i = 0; i < rows.length; i++)
				for (int f = 0; f < rows[i].length; f++) means[labels[i]][f] += rows[i][f] / size[labels[i]];
			final int[] target = new int[rows.length];
			for (int i = 0; i < rows.length; i++) {
				if (labels[i] != seam) continue;
				target[i] = -1;
				double best = Double.POSITIVE_INFINITY;
				for (int c = 0; c < k; c++) {
					if (c == seam || size[c] == 0) continue;
					final double d = distance(rows[i], means[c]);
					if (d < best) {
						best = d;
						target[i] = c;
					}
				}
			}
			for (int i = 0; i < rows.length; i++)
				if (labels[i] == seam) labels[i] = target[i];
		}
	}

	private static boolean isInterior(final int[] labels, final int[] rowAt, final int pixel, final int label, final int nx, final int ny) {
		final int x = pixel % nx, y = pixel / nx;
		for (int dy = -1; dy <= 1; dy++)
			for (int dx = -1; dx <= 1; dx++) {
				final int xx = x + dx, yy = y + dy;
				if (xx < 0 || yy < 0 || xx >= nx || yy >= ny) return false;
				final int j = rowAt[yy * nx + xx];
				if (j < 0 || labels[j] != label) return false;
			}
		return true;
	}

	private static long key(final int a, final int b) {
		return ((long) Math.min(a, b) << 32) | Math.max(a, b);
	}

	private static double distance(final double[] a, final double[] b) {
		double s = 0;
		for (int f = 0; f < a.length; f++) s += (a[f] - b[f]) * (a[f] - b[f]);
		return Math.sqrt(s);
	}

	private static double quantile(final List<Double> values, final double q) {
		final double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return v[Math.min(v.length - 1, (int) Math.floor(q * (v.length - 1) + 0.5))];
	}

	private static int[] renumber(final int[] labels) {
		final Map<Integer, Integer> next = new HashMap<>();
		final int[] out = new int[labels.length];
		for (int i = 0; i < labels.length; i++) out[i] = next.computeIfAbsent(labels[i], l -> next.size());
		return out;
	}
}
