package org.braggcloud.network.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.braggcloud.network.NeighbourRows;
import org.braggcloud.network.checkpoint.TorchCheckpoint;
import org.junit.jupiter.api.Test;

/**
 * Training is a function of the seed: the backward pass must read only memory that libtorch or
 * a live array owns. A step whose forward and backward are separated by a garbage collection,
 * with freed native blocks refilled by huge values, must give the same weights bit for bit as
 * one without. (It did not while ReLU was DJL's {@code maximum(0f)}: DJL frees that scalar when
 * the op returns, autograd kept it, and the collector decided what the backward read.)
 */
class TrainingReproducibilityTest {

	private static final int STEPS = 3;

	@Test
	void aGarbageCollectionBetweenForwardAndBackwardChangesNothing() {
		final float[][] batch = clouds(8, 128, 7);
		final int[] neighbours = NeighbourRows.of(batch, 8, 1);
		final List<float[]> quiet = train(batch, neighbours, () -> {});
		final List<ByteBuffer> poison = new ArrayList<>();
		final List<float[]> collected = train(batch, neighbours, () -> collectAndRefill(poison));
		assertEquals(quiet.size(), collected.size());
		for (int i = 0; i < quiet.size(); i++) {
			assertArrayEquals(quiet.get(i), collected.get(i), 0f, "parameter " + i + " after " + STEPS + " steps");
		}
		poison.clear();
	}

	private static List<float[]> train(final float[][] batch, final int[] neighbours,
		final Runnable beforeBackward)
	{
		final TrainingOptions options = new TrainingOptions(8, 1e-3, 0, TrainingOptions.plane(8), 2, 1);
		try (FoldingNetTrainer trainer = FoldingNetTrainer.initialised(options, 5)) {
			for (int s = 0; s < STEPS; s++) trainer.step(batch, neighbours, beforeBackward);
			final List<float[]> weights = new ArrayList<>();
			for (final Map.Entry<String, TorchCheckpoint.Tensor> e : trainer.stateDict().entrySet()) {
				weights.add(e.getValue().data());
			}
			return weights;
		}
	}

	/**
	 * Frees every unreachable direct buffer and refills small native blocks with 3.4e38, so a
	 * read of freed memory shows instead of finding the old value still there by luck.
	 */
	private static void collectAndRefill(final List<ByteBuffer> keep) {
		System.gc();
		try {
			Thread.sleep(100); // the JDK's cleaner thread frees the buffers after the collection
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		for (int i = 0; i < 20000; i++) {
			final ByteBuffer b = ByteBuffer.allocateDirect(4 + 4 * (i % 16)).order(ByteOrder.nativeOrder());
			while (b.remaining() >= 4) b.putFloat(Float.MAX_VALUE);
			keep.add(b);
		}
	}

	private static float[][] clouds(final int count, final int points, final long seed) {
		final SplittableRandom random = new SplittableRandom(seed);
		final float[][] out = new float[count][3 * points];
		for (final float[] c : out) for (int i = 0; i < c.length; i++) c[i] = (float) random.nextGaussian();
		return out;
	}
}
