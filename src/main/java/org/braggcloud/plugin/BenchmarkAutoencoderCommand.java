package org.braggcloud.plugin;

import java.util.Locale;
import java.util.SplittableRandom;

import org.braggcloud.network.FoldingNet;
import org.braggcloud.network.FoldingGrid;
import org.braggcloud.network.NeighbourSearch;
import org.braggcloud.network.checkpoint.FoldingNetWeights;
import org.braggcloud.network.training.FoldingNetTrainer;
import org.braggcloud.network.training.TrainingOptions;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * The paper's workloads on random clouds: full forward (encode + decode), encoder only, and one
 * Adam step with the Chamfer loss, in clouds per second, with {@code threads} threads for
 * libtorch and for the CPU-side neighbour work.
 */
@Plugin(type = Command.class, label = BenchmarkAutoencoderCommand.TITLE, headless = true)
public class BenchmarkAutoencoderCommand extends ContextCommand {

	public static final String TITLE = "Benchmark Autoencoder";

	@Parameter(persist = false, label = "Clouds per batch", min = "1")
	private int batch = 16;

	@Parameter(persist = false, label = "Points per cloud", min = "16")
	private int points = 2048;

	@Parameter(persist = false, label = "Neighbours k", min = "2")
	private int k = 32;

	@Parameter(persist = false, label = "Timed iterations (after one warm-up)", min = "1")
	private int iterations = 3;

	@Parameter(persist = false, label = "Threads (0 = all cores)", min = "0")
	private int threads = 0;

	@Parameter(type = ItemIO.OUTPUT, label = "Result")
	private String result;

	@Override
	public void run() {
		final SplittableRandom rng = new SplittableRandom(1);
		final float[][] clouds = new float[batch][3 * points];
		for (final float[] c : clouds)
			for (int i = 0; i < c.length; i++)
				c[i] = (float) rng.nextGaussian();
		final int t = ThreadCount.of(threads);
		try (FoldingNetTrainer trainer = FoldingNetTrainer.initialised(TrainingOptions.paper(batch).withK(k).withThreads(t), 1);
			FoldingNet net = FoldingNet.fromWeights(FoldingNetWeights.of(trainer.stateDict(), null), k, FoldingGrid.plane(), 2, t,
				NeighbourSearch.TREE))
		{
			final double full = rate(() -> net.reconstruct(net.encode(clouds)));
			final double encoder = rate(() -> net.encode(clouds));
			final double training = rate(() -> trainer.step(clouds));
			result = String.format(Locale.ROOT, "inference_clouds_per_s=%.2f encoder_only_clouds_per_s=%.2f training_clouds_per_s=%.2f", full, encoder, training);
			System.out.println(result);
		}
		catch (final Exception e) {
			cancel("Benchmark failed: " + e);
		}
	}

	private double rate(final Runnable work) {
		work.run(); // warm-up: first calls load kernels and allocate
		final long start = System.nanoTime();
		for (int i = 0; i < iterations; i++)
			work.run();
		return (double) batch * iterations / ((System.nanoTime() - start) / 1e9);
	}
}
