package org.braggcloud.network.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;

import org.braggcloud.network.FoldingNet;
import org.braggcloud.network.checkpoint.FoldingNetWeights;
import org.braggcloud.network.checkpoint.TorchCheckpoint;
import org.junit.jupiter.api.Test;

/**
 * The exported state_dict has §5's layout and, loaded by the inference path, gives the codewords
 * the trainer's own forward gives: before and after a training step, and after a resume.
 */
class StateDictExportTest {

	private static final int K = 8;
	private static final TrainingOptions OPTIONS = TrainingOptions.paper(16).withK(K).withPlane(8);

	@Test
	void inferenceFromExportedWeightsGivesTheTrainersCodewords() throws Exception {
		final float[][] clouds = clouds(4, 64, 11);
		try (FoldingNetTrainer trainer = FoldingNetTrainer.initialised(OPTIONS, 42)) {
			assertSameCodewords(trainer, clouds);
			trainer.step(clouds);
			assertSameCodewords(trainer, clouds);
			final FoldingNetWeights weights = FoldingNetWeights.of(trainer.stateDict(), null);
			try (FoldingNetTrainer resumed = FoldingNetTrainer.resumed(OPTIONS, weights)) {
				assertClose(trainer.encode(clouds), resumed.encode(clouds));
			}
		}
	}

	@Test
	void stepsFreeTheirTemporaries() {
		final float[][] clouds = clouds(4, 64, 12);
		try (FoldingNetTrainer trainer = FoldingNetTrainer.initialised(OPTIONS, 3)) {
			trainer.step(clouds);
			final int live = trainer.liveArrays();
			for (int i = 0; i < 3; i++) trainer.step(clouds);
			trainer.encode(clouds);
			assertEquals(live, trainer.liveArrays());
			assertEquals(4, trainer.steps());
		}
	}

	@Test
	void stateDictHasThePapersKeysShapesAndInitialisationBounds() {
		try (FoldingNetTrainer a = FoldingNetTrainer.initialised(OPTIONS, 7);
			FoldingNetTrainer b = FoldingNetTrainer.initialised(OPTIONS, 7))
		{
			final Map<String, TorchCheckpoint.Tensor> sd = a.stateDict();
			assertEquals(30, sd.size());
			assertArrayEquals(new int[] { 64, 12, 1 }, sd.get("encoder.mlp1.0.weight").shape());
			assertArrayEquals(new int[] { 128, 128 }, sd.get("encoder.linear2.weight").shape());
			assertArrayEquals(new int[] { 512, 514, 1 }, sd.get("decoder.folding1.0.weight").shape());
			assertArrayEquals(new int[] { 3 }, sd.get("decoder.folding2.4.bias").shape());
			final float[] w = sd.get("encoder.conv2.weight").data();
			final double bound = 1 / Math.sqrt(128);
			double max = 0;
			for (final float v : w) max = Math.max(max, Math.abs(v));
			assertTrue(max <= bound && max > 0.99 * bound, "conv2 weights within U(-1/sqrt(128), ..)");
			assertArrayEquals(w, b.stateDict().get("encoder.conv2.weight").data(), "seeded");
		}
	}

	private static void assertSameCodewords(final FoldingNetTrainer trainer,
		final float[][] clouds) throws Exception
	{
		final FoldingNetWeights weights = FoldingNetWeights.of(trainer.stateDict(), null);
		try (FoldingNet net = FoldingNet.fromWeights(weights, K, OPTIONS.grid(), 2)) {
			assertClose(trainer.encode(clouds), net.encode(clouds));
		}
	}

	private static void assertClose(final float[][] expected, final float[][] actual) {
		double scale = 0;
		double err = 0;
		for (int i = 0; i < expected.length; i++) {
			for (int j = 0; j < expected[i].length; j++) {
				scale = Math.max(scale, Math.abs(expected[i][j]));
				err = Math.max(err, Math.abs(expected[i][j] - actual[i][j]));
			}
		}
		assertTrue(err <= 1e-5 * scale, "codeword error " + err + " of scale " + scale);
	}

	static float[][] clouds(final int count, final int points, final long seed) {
		final SplittableRandom r = new SplittableRandom(seed);
		final float[][] out = new float[count][3 * points];
		for (final float[] c : out) {
			for (int i = 0; i < c.length; i++) c[i] = (float) r.nextDouble(-1, 1);
		}
		return out;
	}
}
