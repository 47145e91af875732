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
 * Rule: for a pair of clusters that share at least 3 neighbouring pixel pairs (8-connected), take
 * the median and the spread (MAD, as a standard deviation) of the feature distances between
 * neighbours inside either cluster; a domain noisier than the others is so judged by its own
 * noise. While some boundary's median distance lies less than {@link #JUMP_SIGMAS} of that spread
 * above that median, merge the pair that lies lowest. So an over-split clustering (as the mixture
 * BIC gives) comes back to its domains, and no fixed count or scale is involved. (A test in
 * standard errors of the median instead would call every boundary of a large scan a jump: the
 * cut k-means makes through a domain selects pairs that differ a little more than random ones.)
 */
public final class BoundaryMerge {

	/**
	 * A boundary is a jump when its median distance lies this many standard deviations of the two
	 * clusters' own neighbour distances above their median: three sigma, the usual bar for a
	 * difference that noise does not make.
	 */
	static final double JUMP_SIGMAS = 3;
	private static final double MAD_TO_SIGMA = 1.4826;
	private static final int MIN_PAIRS = 3;

	private BoundaryMerge() {}

	/**
	 * @param rows   features as clustered (scaled), one row per scan pixel
	 * @param labels cluster of each row, 0-based
	 * @param pixels scan pixel of each row, {@code y * nx + x}
	 * @return the merged labels, renumbered 0..k'-1 in order of first appearance
	 */
	public static int[] of(final double[][] rows, final int[] labels, final int[] pixels, final int nx, final int ny) {
		final int[] rowAt = SeamCleanup.rowAt(pixels, nx, ny);
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
			final Map<Integer, List<Double>> within = new HashMap<>();
			final Map<Long, List<Double>> across = new HashMap<>();
			for (int t = 0; t < pairs.size(); t++) {
				final int a = merged[pairs.get(t)[0]], b = merged[pairs.get(t)[1]];
				if (a == b) within.computeIfAbsent(a, q -> new ArrayList<>()).add(distances.get(t));
				else across.computeIfAbsent(key(a, b), q -> new ArrayList<>()).add(distances.get(t));
			}
			long best = -1;
			double bestExcess = Double.POSITIVE_INFINITY;
			for (final Map.Entry<Long, List<Double>> e : across.entrySet()) {
				if (e.getValue().size() < MIN_PAIRS) continue;
				// The two clusters' own neighbour distances: a domain that is noisier than the others is
				// judged by its own noise, not by the quiet domains'.
				final List<Double> sides = new ArrayList<>(within.getOrDefault((int) (e.getKey() >>> 32), List.of()));
				sides.addAll(within.getOrDefault((int) (e.getKey() & 0xffffffffL), List.of()));
				if (sides.size() < 8) continue;
				final double centre = quantile(sides, 0.5);
				final double spread = MAD_TO_SIGMA * quantile(sides.stream().map(v -> Math.abs(v - centre)).toList(), 0.5);
				final double excess = (quantile(e.getValue(), 0.5) - centre) / Math.max(spread, 1e-12);
				if (excess < bestExcess) {
					bestExcess = excess;
					best = e.getKey();
				}
			}
			if (best < 0 || !(bestExcess < JUMP_SIGMAS)) break;
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
				if (SeamCleanup.isInterior(labels, rowAt, pixels[i], nx, ny)) interior[labels[i]] = true;
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
