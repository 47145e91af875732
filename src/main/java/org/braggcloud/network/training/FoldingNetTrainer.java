package org.braggcloud.network.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.braggcloud.network.NeighbourRows;
import org.braggcloud.network.TorchThreads;
import org.braggcloud.network.checkpoint.FoldingNetWeights;
import org.braggcloud.network.checkpoint.TorchCheckpoint;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

/**
 * Trains the paper's FoldingNet (docs/pipeline.md §5) on DJL's PyTorch engine: Chamfer loss,
 * PyTorch's Adam written out by hand. Parameters and optimiser state live on this object's
 * manager; each step's temporaries on a sub-manager closed with the step, so native memory
 * stays flat across epochs. {@link #stateDict()} feeds {@code FoldingNetWeights.of} and so
 * {@code FoldingNet} for inference. Not thread-safe.
 */
public final class FoldingNetTrainer implements AutoCloseable {

	private final NDManager manager;
	private final TrainingOptions options;
	private final NetworkParameters parameters;
	private final DifferentiableFoldingNet net;
	private final Adam adam;
	private final int threads;

	private FoldingNetTrainer(final NDManager manager, final TrainingOptions options,
		final NetworkParameters parameters)
	{
		this.manager = manager;
		this.options = options;
		this.parameters = parameters;
		net = new DifferentiableFoldingNet(parameters, options.k());
		threads = options.threads();
		adam = Adam.standard(manager, parameters.arrays(), options.learningRate(),
			options.weightDecay());
	}

	/** A fresh network drawn as PyTorch initialises one, fixed by {@code seed}. */
	public static FoldingNetTrainer initialised(final TrainingOptions options, final long seed) {
		TorchThreads.use(options.threads());
		final NDManager manager = NDManager.newBaseManager("PyTorch");
		try {
			return new FoldingNetTrainer(manager, options, NetworkParameters.random(manager,
				options.gridDimension(), seed));
		}
		catch (final RuntimeException e) {
			manager.close();
			throw e;
		}
	}

	/** Resumes from saved weights; Adam's moments start again from zero. */
	public static FoldingNetTrainer resumed(final TrainingOptions options,
		final FoldingNetWeights weights)
	{
		return resumed(options, weights, null);
	}

	/**
	 * Resumes from saved weights and, when {@code optimizer} is not null, Adam's saved moments and
	 * step count ({@link #optimizerState()}), so training continues as if it had never stopped;
	 * with null, the moments start again from zero.
	 */
	public static FoldingNetTrainer resumed(final TrainingOptions options,
		final FoldingNetWeights weights, final OptimizerState optimizer)
	{
		if (weights.gridDimension() != options.gridDimension()) {
			throw new IllegalArgumentException("weights fold a " + weights.gridDimension() +
				"-D grid, options give a " + options.gridDimension() + "-D one");
		}
		TorchThreads.use(options.threads());
		final NDManager manager = NDManager.newBaseManager("PyTorch");
		try {
			final FoldingNetTrainer trainer = new FoldingNetTrainer(manager, options, NetworkParameters.of(manager, weights));
			if (optimizer != null) {
				trainer.adam.restore(optimizer.step(), trainer.parameters.perArray(optimizer.expAvg()),
					trainer.parameters.perArray(optimizer.expAvgSq()));
			}
			return trainer;
		}
		catch (final RuntimeException e) {
			manager.close();
			throw e;
		}
	}

	/**
	 * One Adam step on a batch of equally sized clouds, each interleaved {@code float[3N]};
	 * returns the batch's summed Chamfer loss before the update.
	 */
	public double step(final float[][] batch) {
		return step(batch, NeighbourRows.of(batch, options.k(), threads));
	}

	/**
	 * A neighbour search on a Java thread for batches to come, with this trainer's k and threads:
	 * see {@link NeighbourPrefetch} for the pattern that overlaps it with training.
	 */
	public NeighbourPrefetch prefetch() {
		return new NeighbourPrefetch(options.k(), threads);
	}

	/** {@link #step(float[][])} on a batch whose neighbours were searched ahead. */
	public double step(final NeighbourPrefetch.Prefetched batch) {
		if (batch.k() != options.k()) {
			throw new IllegalArgumentException("neighbours searched with k = " + batch.k() + ", trainer uses " + options.k());
		}
		return step(batch.clouds(), batch.neighbours());
	}

	private double step(final float[][] batch, final int[] neighbours) {
		return step(batch, neighbours, () -> {});
	}

	/**
	 * The step with {@code beforeBackward} run between the forward and the backward pass: tests
	 * collect garbage there to prove that the backward reads nothing the JVM may free.
	 */
	double step(final float[][] batch, final int[] neighbours, final Runnable beforeBackward) {
		try (NDManager m = manager.newSubManager()) {
			final NDArray pts = stack(m, batch);
			final double loss;
			try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
				final NDArray l = ChamferLoss.byNearest(m, pts, reconstruct(m, pts, neighbours), threads);
				beforeBackward.run();
				collector.backward(l);
				loss = l.getFloat();
			}
			adam.step(m);
			return loss;
		}
	}

	/**
	 * One pass over {@code clouds} in an order shuffled by {@code seed} (Fisher-Yates on a
	 * SplittableRandom), in batches of {@code batch}, the last one possibly smaller; returns
	 * the mean loss per cloud.
	 */
	public double epoch(final List<float[]> clouds, final int batch, final long seed) {
		if (batch < 1) throw new IllegalArgumentException("batch must be positive, got " + batch);
		if (clouds.isEmpty()) throw new IllegalArgumentException("no clouds to train on");
		final int[] order = shuffled(clouds.size(), seed);
		final List<float[][]> batches = new ArrayList<>();
		for (int start = 0; start < order.length; start += batch) {
			final int end = Math.min(order.length, start + batch);
			final float[][] b = new float[end - start][];
			for (int i = start; i < end; i++) b[i - start] = clouds.get(order[i]);
			batches.add(b);
		}
		// the next batch's neighbours are searched on a Java thread while this one trains
		try (NeighbourPrefetch prefetch = prefetch()) {
			double total = 0;
			NeighbourPrefetch.Prefetched next = prefetch.submit(batches.get(0));
			for (int i = 0; i < batches.size(); i++) {
				final NeighbourPrefetch.Prefetched current = next;
				next = i + 1 < batches.size() ? prefetch.submit(batches.get(i + 1)) : null;
				total += step(current);
			}
			return total / clouds.size();
		}
	}

	/** Codewords (512 floats each) of equally sized clouds, with the current weights. */
	public float[][] encode(final float[][] clouds) {
		try (NDManager m = manager.newSubManager()) {
			final int[] neighbours = NeighbourRows.of(clouds, options.k(), threads);
			return split(net.encode(m, stack(m, clouds), neighbours, threads).toFloatArray(), clouds.length);
		}
	}

	/** The summed Chamfer loss of clouds with the current weights, without training. */
	public double loss(final float[][] clouds) {
		try (NDManager m = manager.newSubManager()) {
			final NDArray pts = stack(m, clouds);
			final int[] neighbours = NeighbourRows.of(clouds, options.k(), threads);
			return ChamferLoss.byNearest(m, pts, reconstruct(m, pts, neighbours), threads).getFloat();
		}
	}

	/** Native arrays held by this trainer: constant across steps if every temporary is freed. */
	int liveArrays() {
		return manager.getManagedArrays().size();
	}

	/** Adam steps taken so far. */
	public long steps() {
		return adam.steps();
	}

	/** Adam's moments under the state_dict keys, and its step count, for {@link #resumed}. */
	public OptimizerState optimizerState() {
		return new OptimizerState(adam.steps(), parameters.keyed(adam.firstMoments()),
			parameters.keyed(adam.secondMoments()));
	}

	/** The weights under the keys and shapes of §5, as {@code torch.save} of the model writes them. */
	public Map<String, TorchCheckpoint.Tensor> stateDict() {
		return parameters.stateDict();
	}

	private NDArray reconstruct(final NDManager m, final NDArray pts, final int[] neighbours) {
		final int d = options.gridDimension();
		final NDArray grid = m.create(options.grid(), new Shape(options.grid().length / d, d));
		return net.decode(m, net.encode(m, pts, neighbours, threads), grid);
	}

	private static NDArray stack(final NDManager m, final float[][] clouds) {
		if (clouds.length == 0) throw new IllegalArgumentException("empty batch");
		final int len = clouds[0].length;
		if (len == 0 || len % 3 != 0) {
			throw new IllegalArgumentException("cloud 0 has " + len + " values, not a positive multiple of 3");
		}
		final float[] flat = new float[clouds.length * len];
		for (int i = 0; i < clouds.length; i++) {
			if (clouds[i].length != len) {
				throw new IllegalArgumentException("cloud " + i + " has " + clouds[i].length +
					" values, cloud 0 has " + len + ": a batch needs equal sizes");
			}
			System.arraycopy(clouds[i], 0, flat, i * len, len);
		}
		return m.create(flat, new Shape(clouds.length, len / 3, 3));
	}

	private static float[][] split(final float[] flat, final int count) {
		final int each = flat.length / count;
		final float[][] out = new float[count][];
		for (int i = 0; i < count; i++) out[i] = Arrays.copyOfRange(flat, i * each, (i + 1) * each);
		return out;
	}

	private static int[] shuffled(final int n, final long seed) {
		final SplittableRandom random = new SplittableRandom(seed);
		final int[] order = new int[n];
		for (int i = 0; i < n; i++) order[i] = i;
		for (int i = n - 1; i > 0; i--) {
			final int j = random.nextInt(i + 1);
			final int t = order[i];
			order[i] = order[j];
			order[j] = t;
		}
		return order;
	}

	@Override
	public void close() {
		manager.close();
	}
}
