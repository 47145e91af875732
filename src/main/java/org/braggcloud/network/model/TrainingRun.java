package org.braggcloud.network.model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.braggcloud.network.checkpoint.TorchCheckpoint;
import org.braggcloud.network.training.FoldingNetTrainer;
import org.braggcloud.network.training.NeighbourPrefetch;
import org.braggcloud.network.training.OptimizerState;
import org.braggcloud.progress.ProgressListener;

/**
 * Trains for a number of epochs, batch by batch, keeping the weights (and Adam's state) of the
 * epoch with the lowest loss (the paper's "best" checkpoint). Each batch's neighbours are searched
 * on a Java thread while the batch before it trains ({@link NeighbourPrefetch}); batches are
 * still built here, in order, from one seeded stream, so a seed fixes the losses. Cancel is
 * honoured after the current batch: the run then ends with the best weights so far instead of
 * failing.
 */
public final class TrainingRun {

	/** Receives each finished epoch; may save periodic checkpoints. */
	@FunctionalInterface
	public interface EpochSink {
		void accept(int epoch, double loss, FoldingNetTrainer trainer) throws IOException;
	}

	/**
	 * What the run produced: per-epoch mean loss per cloud, the best weights with Adam's state at
	 * that point, and whether it was cancelled.
	 */
	public record Outcome(List<Double> losses, int bestEpoch, Map<String, TorchCheckpoint.Tensor> best,
		OptimizerState bestOptimizer, boolean cancelled) {}

	private TrainingRun() {}

	/**
	 * @param clouds each float[3N] interleaved, already resampled and normalised as the model expects
	 * @param rotate the paper's augmentation: a random rotation by a multiple of 15 degrees mixing
	 *               coordinates 0 and 2
	 */
	public static Outcome run(final FoldingNetTrainer trainer, final List<float[]> clouds, final int epochs, final int batch,
		final long seed, final boolean rotate, final EpochSink sink, final ProgressListener progress) throws IOException
	{
		if (batch < 1) throw new IllegalArgumentException("batch must be positive, got " + batch);
		if (clouds.isEmpty()) throw new IllegalArgumentException("no clouds to train on");
		final List<Double> losses = new ArrayList<>();
		Map<String, TorchCheckpoint.Tensor> best = trainer.stateDict();
		OptimizerState bestOptimizer = trainer.optimizerState();
		int bestEpoch = 0;
		double bestLoss = Double.POSITIVE_INFINITY;
		final Batches batches = new Batches(clouds, batch, rotate, new SplittableRandom(seed));
		try (NeighbourPrefetch prefetch = trainer.prefetch()) {
			NeighbourPrefetch.Prefetched next = epochs > 0 ? prefetch.submit(batches.next()) : null;
			for (int e = 1; e <= epochs; e++) {
				double sum = 0;
				int seen = 0;
				for (int i = 0; i < batches.perEpoch(); i++) {
					if (progress.isCancelled()) return new Outcome(losses, bestEpoch, best, bestOptimizer, true);
					final NeighbourPrefetch.Prefetched current = next;
					final boolean more = i + 1 < batches.perEpoch() || e < epochs;
					next = more ? prefetch.submit(batches.next()) : null;
					sum += trainer.step(current);
					seen += current.clouds().length;
				}
				final double loss = sum / seen;
				losses.add(loss);
				if (loss < bestLoss) {
					bestLoss = loss;
					bestEpoch = e;
					best = trainer.stateDict();
					bestOptimizer = trainer.optimizerState();
				}
				sink.accept(e, loss, trainer);
				progress.progress(String.format(Locale.ROOT, "Training: epoch %d/%d, loss %.4g", e, epochs, loss), e, epochs);
			}
		}
		return new Outcome(losses, bestEpoch, best, bestOptimizer, false);
	}

	/**
	 * The batches of epoch after epoch, built lazily: a Fisher-Yates shuffle at the start of each
	 * epoch, then each cloud in turn, rotated if asked, all drawing from one stream.
	 */
	private static final class Batches {

		private final List<float[]> clouds;
		private final int size;
		private final boolean rotate;
		private final SplittableRandom rng;
		private int[] order = new int[0];
		private int position;

		Batches(final List<float[]> clouds, final int size, final boolean rotate, final SplittableRandom rng) {
			this.clouds = clouds;
			this.size = size;
			this.rotate = rotate;
			this.rng = rng;
		}

		int perEpoch() {
			return (clouds.size() + size - 1) / size;
		}

		float[][] next() {
			if (position == order.length) {
				order = shuffled(clouds.size(), rng);
				position = 0;
			}
			final int end = Math.min(order.length, position + size);
			final float[][] b = new float[end - position][];
			for (int i = position; i < end; i++)
				b[i - position] = rotate ? rotated(clouds.get(order[i]), rng) : clouds.get(order[i]);
			position = end;
			return b;
		}
	}

	private static int[] shuffled(final int n, final SplittableRandom rng) {
		final int[] order = new int[n];
		for (int i = 0; i < n; i++)
			order[i] = i;
		for (int i = n - 1; i > 0; i--) {
			final int j = rng.nextInt(i + 1);
			final int t = order[i];
			order[i] = order[j];
			order[j] = t;
		}
		return order;
	}

	private static float[] rotated(final float[] xyz, final SplittableRandom rng) {
		final double angle = Math.toRadians(15 * rng.nextInt(24));
		final double c = Math.cos(angle), s = Math.sin(angle);
		final float[] out = xyz.clone();
		for (int i = 0; i < xyz.length; i += 3) {
			out[i] = (float) (c * xyz[i] - s * xyz[i + 2]);
			out[i + 2] = (float) (s * xyz[i] + c * xyz[i + 2]);
		}
		return out;
	}
}
