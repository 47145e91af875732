package org.braggcloud.network.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.braggcloud.network.checkpoint.FoldingNetWeights;
import org.braggcloud.network.checkpoint.TorchCheckpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The 30 trainable parameters, by state_dict key prefix. Fresh ones are drawn as PyTorch's
 * Conv1d/Linear {@code reset_parameters} does (kaiming-uniform with a = sqrt(5), i.e. weight and
 * bias both U(-1/sqrt(fan_in), 1/sqrt(fan_in))), in state_dict order from one seeded stream, so a
 * seed fixes the network.
 */
final class NetworkParameters {

	private final Map<String, TrainableLayer> layers = new LinkedHashMap<>();
	private final int gridDimension;

	private NetworkParameters(final int gridDimension) {
		this.gridDimension = gridDimension;
	}

	static NetworkParameters random(final NDManager manager, final int gridDimension,
		final long seed)
	{
		final SplittableRandom random = new SplittableRandom(seed);
		final NetworkParameters p = new NetworkParameters(gridDimension);
		for (final LayerSpec s : LayerSpec.all(gridDimension)) {
			final double bound = 1 / Math.sqrt(s.in());
			final float[] w = uniform(random, s.out() * s.in(), bound);
			final float[] b = uniform(random, s.out(), bound);
			p.layers.put(s.name(), new TrainableLayer(manager, s, w, b));
		}
		return p;
	}

	static NetworkParameters of(final NDManager manager, final FoldingNetWeights weights) {
		final NetworkParameters p = new NetworkParameters(weights.gridDimension());
		for (final LayerSpec s : LayerSpec.all(weights.gridDimension())) {
			p.layers.put(s.name(), new TrainableLayer(manager, s, weights.weight(s.name() +
				".weight"), weights.weight(s.name() + ".bias")));
		}
		return p;
	}

	TrainableLayer layer(final String name) {
		return layers.get(name);
	}

	int gridDimension() {
		return gridDimension;
	}

	/** Every parameter array, weight before bias, in state_dict order. */
	List<NDArray> arrays() {
		final List<NDArray> out = new ArrayList<>();
		for (final TrainableLayer l : layers.values()) {
			out.add(l.weightT());
			out.add(l.bias());
		}
		return out;
	}

	/** The state_dict of §5: conv weights (out, in, 1), linear (out, in), biases (out). */
	Map<String, TorchCheckpoint.Tensor> stateDict() {
		final Map<String, TorchCheckpoint.Tensor> out = new LinkedHashMap<>();
		for (final TrainableLayer l : layers.values()) {
			final LayerSpec s = l.spec();
			out.put(s.name() + ".weight", new TorchCheckpoint.Tensor(s.weightShape(), l.weight()));
			out.put(s.name() + ".bias", new TorchCheckpoint.Tensor(new int[] { s.out() }, l.bias()
				.toFloatArray()));
		}
		return out;
	}

	/**
	 * Per-parameter values in {@link #arrays()} order and layout (Adam's moments) as a state_dict:
	 * same keys, shapes and layout as {@link #stateDict()}.
	 */
	Map<String, TorchCheckpoint.Tensor> keyed(final List<float[]> perArray) {
		final Map<String, TorchCheckpoint.Tensor> out = new LinkedHashMap<>();
		int i = 0;
		for (final TrainableLayer l : layers.values()) {
			final LayerSpec s = l.spec();
			out.put(s.name() + ".weight", new TorchCheckpoint.Tensor(s.weightShape(), l.torchLayout(perArray.get(i++))));
			out.put(s.name() + ".bias", new TorchCheckpoint.Tensor(new int[] { s.out() }, perArray.get(i++).clone()));
		}
		return out;
	}

	/** The inverse of {@link #keyed}; every parameter's key must be present, with its size. */
	List<float[]> perArray(final Map<String, TorchCheckpoint.Tensor> keyed) {
		final List<float[]> out = new ArrayList<>();
		for (final TrainableLayer l : layers.values()) {
			final LayerSpec s = l.spec();
			out.add(l.internalLayout(required(keyed, s.name() + ".weight").data()));
			final float[] bias = required(keyed, s.name() + ".bias").data();
			if (bias.length != s.out()) {
				throw new IllegalArgumentException(s.name() + ".bias: " + bias.length + " values, expected " + s.out());
			}
			out.add(bias.clone());
		}
		return out;
	}

	private static TorchCheckpoint.Tensor required(final Map<String, TorchCheckpoint.Tensor> keyed, final String key) {
		final TorchCheckpoint.Tensor t = keyed.get(key);
		if (t == null) throw new IllegalArgumentException("no optimiser state for " + key);
		return t;
	}

	private static float[] uniform(final SplittableRandom random, final int n,
		final double bound)
	{
		final float[] v = new float[n];
		for (int i = 0; i < n; i++) v[i] = (float) random.nextDouble(-bound, bound);
		return v;
	}
}
