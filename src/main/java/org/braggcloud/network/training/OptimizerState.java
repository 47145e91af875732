package org.braggcloud.network.training;

import java.util.Map;

import org.braggcloud.network.checkpoint.TorchCheckpoint;

/**
 * Adam's state as PyTorch's {@code optimizer.state_dict()} holds it, but keyed by the model's
 * state_dict key instead of a parameter index: the first moment ({@code exp_avg}) and second
 * moment ({@code exp_avg_sq}) of each parameter, in that parameter's own shape and layout, and
 * the number of steps taken. Restoring it lets a resumed run continue exactly where it stopped.
 */
public record OptimizerState(long step, Map<String, TorchCheckpoint.Tensor> expAvg,
	Map<String, TorchCheckpoint.Tensor> expAvgSq) implements java.io.Serializable
{

	public OptimizerState {
		if (step < 0) throw new IllegalArgumentException("negative step count " + step);
		if (!expAvg.keySet().equals(expAvgSq.keySet())) {
			throw new IllegalArgumentException("first and second moments name different parameters");
		}
		expAvg = Map.copyOf(expAvg);
		expAvgSq = Map.copyOf(expAvgSq);
	}
}
