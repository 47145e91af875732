package org.braggcloud.clustering;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Seams between domains given back to the domains. Where two domains meet, the beam footprint
 * and the drift correction's interpolation (drift of a pixel or more between rocking scans) mix
 * the two peaks in one cloud. Such a mixture is no domain, but its features are often nearer a
 * third cluster than either of the two it lies between, so a thin line of that third cluster
 * runs along the boundary.
 * <p>
 * Rule: a connected region of one label (8-connected) in which no pixel is interior (none has
 * all 8 neighbours in the map with its label) is narrower than 3 scan pixels: within the mixing
 * width of its neighbours, it cannot be told from a mixture. Its pixels go to the cluster with
 * the nearest mean among the clusters that touch it. A domain at least 3 pixels wide somewhere
 * keeps all its pixels, a region that touches no other cluster is left as it is, and so is a
 * cluster without a single interior pixel: the count is the caller's to keep or change (the
 * automatic count dissolves such clusters whole, {@link BoundaryMerge}).
 */
public final class SeamCleanup {

	private static final int[][] NEIGHBOURS = { { -1, -1 }, { 0, -1 }, { 1, -1 }, { -1, 0 }, { 1, 0 }, { -1, 1 }, { 0, 1 }, { 1, 1 } };

	/** Each round only grows regions that are kept, so a few rounds settle it. */
	private static final int MAX_ROUNDS = 10;

	private SeamCleanup() {}

	/**
	 * @param rows   features as clustered (scaled), one row per scan pixel
	 * @param labels cluster of each row, 0-based
	 * @param pixels scan pixel of each row, {@code y * nx + x}
	 * @return new labels, numbered as before, with every thin region given to its nearest touching
	 *         cluster
	 */
	public static int[] regions(final double[][] rows, final int[] labels, final int[] pixels, final int nx, final int ny) {
		if (labels.length != rows.length || pixels.length != rows.length)
			throw new IllegalArgumentException(labels.length + " labels and " + pixels.length + " pixels for " + rows.length + " rows");
		final int[] rowAt = rowAt(pixels, nx, ny);
		final int[] out = labels.clone();
		for (int round = 0; round < MAX_ROUNDS; round++)
			if (!cleanOnce(rows, out, pixels, rowAt, nx, ny)) break;
		return out;
	}

	/** Whether the row's 8 neighbours all lie in the map and carry its label. */
	static boolean isInterior(final int[] labels, final int[] rowAt, final int pixel, final int nx, final int ny) {
		final int x = pixel % nx, y = pixel / nx;
		final int label = labels[rowAt[pixel]];
		for (final int[] s : NEIGHBOURS) {
			final int xx = x + s[0], yy = y + s[1];
			if (xx < 0 || yy < 0 || xx >= nx || yy >= ny) return false;
			final int j = rowAt[yy * nx + xx];
			if (j < 0 || labels[j] != label) return false;
		}
		return true;
	}

	static int[] rowAt(final int[] pixels, final int nx, final int ny) {
		final int[] rowAt = new int[nx * ny];
		Arrays.fill(rowAt, -1);
		for (int i = 0; i < pixels.length; i++) {
			if (pixels[i] < 0 || pixels[i] >= rowAt.length) throw new IllegalArgumentException("scan pixel " + pixels[i] + " outside " + nx + " x " + ny);
			rowAt[pixels[i]] = i;
		}
		return rowAt;
	}

	private static boolean cleanOnce(final double[][] rows, final int[] labels, final int[] pixels, final int[] rowAt, final int nx,
		final int ny)
	{
		final int n = rows.length;
		final int k = Arrays.stream(labels).max().orElse(-1) + 1;
		final double[][] means = means(rows, labels, k);
		final boolean[] hasInterior = new boolean[k];
		for (int i = 0; i < n; i++)
			if (isInterior(labels, rowAt, pixels[i], nx, ny)) hasInterior[labels[i]] = true;
		final int[] region = new int[n];
		Arrays.fill(region, -1);
		final int[] target = new int[n];
		Arrays.fill(target, -1);
		final ArrayDeque<Integer> queue = new ArrayDeque<>();
		final int[] members = new int[n];
		boolean changed = false;
		int regions = 0;
		for (int start = 0; start < n; start++) {
			if (region[start] >= 0) continue;
			final int label = labels[start];
			int size = 0;
			boolean keep = !hasInterior[label];
			final boolean[] touches = new boolean[k];
			region[start] = regions;
			queue.add(start);
			while (!queue.isEmpty()) {
				final int i = queue.poll();
				members[size++] = i;
				if (!keep && isInterior(labels, rowAt, pixels[i], nx, ny)) keep = true;
				final int x = pixels[i] % nx, y = pixels[i] / nx;
				for (final int[] s : NEIGHBOURS) {
					final int xx = x + s[0], yy = y + s[1];
					if (xx < 0 || yy < 0 || xx >= nx || yy >= ny) continue;
					final int j = rowAt[yy * nx + xx];
					if (j < 0) continue;
					if (labels[j] != label) touches[labels[j]] = true;
					else if (region[j] < 0) {
						region[j] = regions;
						queue.add(j);
					}
				}
			}
			regions++;
			if (keep) continue;
			for (int m = 0; m < size; m++) {
				final int i = members[m];
				double best = Double.POSITIVE_INFINITY;
				for (int c = 0; c < k; c++) {
					if (!touches[c]) continue;
					final double d = squaredDistance(rows[i], means[c]);
					if (d < best) {
						best = d;
						target[i] = c;
					}
				}
			}
		}
		for (int i = 0; i < n; i++) {
			if (target[i] >= 0 && target[i] != labels[i]) {
				labels[i] = target[i];
				changed = true;
			}
		}
		return changed;
	}

	private static double[][] means(final double[][] rows, final int[] labels, final int k) {
		final double[][] means = new double[k][rows.length == 0 ? 0 : rows[0].length];
		final int[] size = new int[k];
		for (int i = 0; i < rows.length; i++) {
			size[labels[i]]++;
			for (int f = 0; f < rows[i].length; f++) means[labels[i]][f] += rows[i][f];
		}
		for (int c = 0; c < k; c++)
			if (size[c] > 0) for (int f = 0; f < means[c].length; f++) means[c][f] /= size[c];
		return means;
	}

	private static double squaredDistance(final double[] a, final double[] b) {
		double s = 0;
		for (int f = 0; f < a.length; f++) s += (a[f] - b[f]) * (a[f] - b[f]);
		return s;
	}
}
