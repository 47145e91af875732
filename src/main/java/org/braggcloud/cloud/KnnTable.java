package org.braggcloud.cloud;

/**
 * The k nearest neighbours of every point of a cloud, in flat arrays ({@code k} entries per
 * point, sorted by ascending squared distance, ties by index), as built by
 * {@link KdTree#nearestOfAll}.
 */
public final class KnnTable {

	private final int points;
	private final int k;
	private final int[] indices;
	private final double[] squaredDistances;

	KnnTable(final int points, final int k, final int[] indices, final double[] squaredDistances) {
		this.points = points;
		this.k = k;
		this.indices = indices;
		this.squaredDistances = squaredDistances;
	}

	/** Number of points (rows). */
	public int size() {
		return points;
	}

	/** Neighbours per point: the requested k, capped by the number of candidates. */
	public int k() {
		return k;
	}

	/** Index of the {@code j}-th nearest neighbour of point {@code i}. */
	public int index(final int i, final int j) {
		return indices[i * k + j];
	}

	/** Squared distance from point {@code i} to its {@code j}-th nearest neighbour. */
	public double squaredDistance(final int i, final int j) {
		return squaredDistances[i * k + j];
	}

	/** A copy of row {@code i}'s neighbour indices. */
	public int[] indices(final int i) {
		final int[] r = new int[k];
		System.arraycopy(indices, i * k, r, 0, k);
		return r;
	}

	/** A copy of row {@code i}'s squared distances. */
	public double[] squaredDistances(final int i) {
		final double[] r = new double[k];
		System.arraycopy(squaredDistances, i * k, r, 0, k);
		return r;
	}
}
