package org.braggcloud.clustering;

/**
 * A hard partition of rows into {@code K} clusters.
 *
 * @param labels             cluster of each row, 0..K-1; cluster 0 is the largest (ties: the one
 *                           whose first row comes first), so labels do not depend on how the
 *                           algorithm happened to number its clusters
 * @param centroids          K x d cluster centres (means of their rows)
 * @param withinSumOfSquares sum over rows of the squared distance to their centroid
 */
public record Clustering(int[] labels, double[][] centroids, double withinSumOfSquares) {

	/** Number of clusters. */
	public int k() {
		return centroids.length;
	}

	/** Rows per cluster. */
	public int[] sizes() {
		final int[] s = new int[centroids.length];
		for (final int l : labels)
			s[l]++;
		return s;
	}

	/**
	 * The renumbering that sorts clusters by decreasing size, ties by first row: {@code map[old]}
	 * is the new label. Clusters with no rows go last, in their old order.
	 */
	static int[] canonicalOrder(final int[] labels, final int k) {
		final int[] size = new int[k], first = new int[k];
		java.util.Arrays.fill(first, Integer.MAX_VALUE);
		for (int i = 0; i < labels.length; i++) {
			size[labels[i]]++;
			if (first[labels[i]] == Integer.MAX_VALUE) first[labels[i]] = i;
		}
		final Integer[] order = new Integer[k];
		for (int c = 0; c < k; c++)
			order[c] = c;
		java.util.Arrays.sort(order, (a, b) -> size[a] != size[b] ? Integer.compare(size[b], size[a]) : Integer.compare(first[a], first[b]));
		final int[] map = new int[k];
		for (int r = 0; r < k; r++)
			map[order[r]] = r;
		return map;
	}

	/** Applies {@code map} to labels (in place) and to row-indexed per-cluster arrays (new copy). */
	static <T> T[] renumber(final int[] labels, final int[] map, final T[] perCluster) {
		for (int i = 0; i < labels.length; i++)
			labels[i] = map[labels[i]];
		final T[] out = perCluster.clone();
		for (int c = 0; c < map.length; c++)
			out[map[c]] = perCluster[c];
		return out;
	}
}
