package org.braggcloud.network.training;

import org.braggcloud.cloud.KdTree;
import org.braggcloud.parallel.ParallelLoop;
import org.braggcloud.cloud.PointCloud;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The Chamfer distance as the paper's code defines it (docs/pipeline.md §5): squared
 * distances, each point's nearest in the other cloud, summed over both directions, all points
 * and the batch, not averaged. Distances use the expansion |a|^2 + |b|^2 - 2 a.b as that code
 * does, so no (B, N, M, 3) difference array is ever held.
 */
public final class ChamferLoss {

	private ChamferLoss() {}

	/**
	 * @param a clouds {@code (B, N, 3)}
	 * @param b clouds {@code (B, M, 3)}
	 * @return a scalar on {@code a}'s manager, differentiable in both inputs
	 */
	public static NDArray of(final NDArray a, final NDArray b) {
		final NDArray aa = a.square().sum(new int[] { 2 }, true); // (B, N, 1)
		final NDArray bb = b.square().sum(new int[] { 2 }, true).transpose(0, 2, 1); // (B, 1, M)
		final NDArray cross = a.matMul(b.transpose(0, 2, 1)); // (B, N, M)
		// 2ab as ab + ab, exactly the same value: a Number operand would be freed before backward
		final NDArray d = aa.add(bb).sub(cross.add(cross));
		return d.min(new int[] { 2 }).sum().add(d.min(new int[] { 1 }).sum());
	}

	/**
	 * The same loss with the same gradient (each point pulled towards its nearest point of the
	 * other cloud), with the nearest points found by kd-trees on the CPU: no (B, N, M) distance
	 * matrix, forward or backward. Distances are exact differences rather than the expansion, so
	 * it is the more precise of the two.
	 *
	 * @param m the step's manager, for the index arrays
	 * @param threads Java threads for the searches, one cloud per task
	 */
	public static NDArray byNearest(final NDManager m, final NDArray a, final NDArray b,
		final int threads)
	{
		final int clouds = (int) a.getShape().get(0);
		final int n = (int) a.getShape().get(1);
		final int mm = (int) b.getShape().get(1);
		final float[] pa = a.toFloatArray();
		final float[] pb = b.toFloatArray();
		final long[] toB = new long[clouds * n];
		final long[] toA = new long[clouds * mm];
		ParallelLoop.run(clouds, threads, 1, (worker, from, to) -> {
			for (int c = from; c < to; c++) {
				nearest(pa, c * n, n, pb, c * mm, mm, toB);
				nearest(pb, c * mm, mm, pa, c * n, n, toA);
			}
		});
		final NDArray ra = a.reshape(clouds * n, 3);
		final NDArray rb = b.reshape(clouds * mm, 3);
		final NDArray ab = ra.sub(rb.get(m.create(toB))).square().sum();
		return ab.add(rb.sub(ra.get(m.create(toA))).square().sum());
	}

	/** For each query point, the row (into the whole batch) of its nearest target point. */
	private static void nearest(final float[] query, final int queryStart, final int queryCount,
		final float[] target, final int targetStart, final int targetCount, final long[] out)
	{
		final float[] t = new float[3 * targetCount];
		System.arraycopy(target, 3 * targetStart, t, 0, t.length);
		final KdTree tree = KdTree.build(PointCloud.of(t));
		final int[] index = new int[1];
		final double[] d2 = new double[1];
		for (int i = 0; i < queryCount; i++) {
			final int q = 3 * (queryStart + i);
			tree.nearest(query[q], query[q + 1], query[q + 2], 1, index, d2);
			out[queryStart + i] = targetStart + index[0];
		}
	}
}
