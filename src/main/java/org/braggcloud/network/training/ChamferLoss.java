package org.braggcloud.network.training;

import ai.djl.ndarray.NDArray;

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
		final NDArray d = aa.add(bb).sub(cross.mul(2f));
		return d.min(new int[] { 2 }).sum().add(d.min(new int[] { 1 }).sum());
	}
}
