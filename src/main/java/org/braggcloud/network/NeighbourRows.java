package org.braggcloud.network;

import org.braggcloud.cloud.KdTree;
import org.braggcloud.cloud.KnnTable;
import org.braggcloud.parallel.ParallelLoop;
import org.braggcloud.cloud.PointCloud;

/**
 * The k nearest neighbours of every point of a batch of equally sized clouds, as row numbers
 * into the batch's {@code (B*N, C)} point matrix: entry {@code i*k + j} is the j-th nearest
 * point of row i, the point itself first. A kd-tree per cloud on the CPU does in
 * O(N log N) what the paper's dense (B, N, N) distance matrix and top-k do in O(N^2), and it
 * runs on Java threads, so it can overlap with the network's native work. Distances are exact
 * and ties go to the lower index; {@link NeighbourSearch#PAPER} gives the paper's own choice.
 */
public final class NeighbourRows {

	private NeighbourRows() {}

	/**
	 * @param clouds interleaved {@code float[3N]} clouds, all of the same N
	 * @param k neighbours per point, the point itself included; at most N
	 * @param threads Java threads to use, one cloud per task
	 */
	public static int[] of(final float[][] clouds, final int k, final int threads) {
		if (clouds.length == 0) throw new IllegalArgumentException("no clouds");
		final int n = clouds[0].length / 3;
		if (k < 1 || k > n) {
			throw new IllegalArgumentException("k = " + k + " neighbours in clouds of " + n + " points");
		}
		final int[] rows = new int[clouds.length * n * k];
		ParallelLoop.run(clouds.length, threads, 1, (worker, from, to) -> {
			for (int c = from; c < to; c++) {
				if (clouds[c].length != 3 * n) {
					throw new IllegalArgumentException("cloud " + c + " has " + clouds[c].length / 3 +
						" points, cloud 0 has " + n + ": a batch needs equal sizes");
				}
				final KnnTable table = KdTree.build(PointCloud.of(clouds[c])).nearestOfAll(k, true, 1);
				final int offset = c * n;
				for (int i = 0; i < n; i++) {
					final int base = (offset + i) * k;
					for (int j = 0; j < k; j++) rows[base + j] = offset + table.index(i, j);
				}
			}
		});
		return rows;
	}
}
