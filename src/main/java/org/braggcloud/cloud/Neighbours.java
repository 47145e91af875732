package org.braggcloud.cloud;

/**
 * The result of one k-nearest-neighbour query: point indices and their squared distances, sorted by
 * ascending distance (ties by ascending index). The arrays belong to this object's creator and
 * are not copied.
 */
public record Neighbours(int[] indices, double[] squaredDistances) {

	public int size() {
		return indices.length;
	}
}
