package org.braggcloud.network.model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.braggcloud.network.checkpoint.TorchCheckpoint;
import org.braggcloud.network.training.FoldingNetTrainer;
import org.braggcloud.progress.ProgressListener;

/**
 * Trains for a number of epochs, batch by batch, keeping the weights of the epoch with the
 * lowest loss (the paper's "best" checkpoint). Cancel is honoured after the current batch: the
 * run then ends with the best weights so far instead of failing.
 */
public final class TrainingRun {

	/** Receives each finished epoch; may save periodic checkpoints. */
	@FunctionalInterface
	public interface EpochSink {
		void accept(int epoch, double loss, FoldingNetTrainer trainer) throws IOException;
	}

	/** What the run produced: per-epoch mean loss per cloud, the best weights, and whether it was cancelled. */
	public record Outcome(List<Double> losses, int bestEpoch, Map<String, TorchCheckpoint.Tensor> best, boolean cancelled) {}

	private TrainingRun() {}

	/**
	 * @param clouds each float[3N] interleaved, already resampled and normalised as the model expects
	 * @param rotate the paper's augmentation: a random rotation by a multiple of 15 degrees mixing
	 *               coordinates 0 and 2
	 */
	public static Outcome run(final FoldingNetTrainer trainer, final List<float[]> clouds, final int epochs, final int batch,
		final long seed, final boolean rotate, final EpochSink sink, final ProgressListener progress) throws IOException
	{
		final List<Double> losses = new ArrayList<>();
		Map<String, TorchCheckpoint.Tensor> best = trainer.stateDict();
		int bestEpoch = 0;
		double bestLoss = Double.POSITIVE_INFINITY;
		final SplittableRandom rng = new SplittableRandom(seed);
		for (int e = 1; e <= epochs; e++) {
			final int[] order = shuffled(clouds.size(), rng);
			double sum = 0;
			int seen = 0;
			for (int start = 0; start < order.length; start += batch) {
				if (progress.isCancelled()) return new Outcome(losses, bestEpoch, best, true);
				final int end = Math.min(order.length, start + batch);
				final float[][] b = new float[end - start][];
				for (int i = start; i < end; i++)
					b[i - start] = rotate ? rotated(clouds.get(order[i]), rng) : clouds.get(order[i]);
				sum += trainer.step(b);
				seen += b.length;
			}
			final double loss = sum / Math.max(1, seen);
			losses.add(loss);
			if (loss < bestLoss) {
				bestLoss = loss;
				bestEpoch = e;
				best = trainer.stateDict();
			}
			sink.accept(e, loss, trainer);
			progress.progress(String.format(java.util.Locale.ROOT, "Training: epoch %d/%d, loss %.4g", e, epochs, loss), e, epochs);
		}
		return new Outcome(losses, bestEpoch, best, false);
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
