package org.braggcloud.network.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.braggcloud.network.NeighbourSearch;
import org.braggcloud.network.checkpoint.TorchCheckpoint;
import org.braggcloud.network.training.FoldingNetTrainer;
import org.braggcloud.network.training.TrainingOptions;
import org.braggcloud.progress.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints carry Adam's state: N steps, save, load, resume and M more steps end on the weights
 * of N + M steps straight (and fresh moments would not); TrainingRun, which searches neighbours
 * ahead, is fixed by its seed and stops after the current batch when cancelled.
 */
class TrainingResumeTest {

	private static final TrainingOptions OPTIONS = TrainingOptions.paper(2).withK(8).withPlane(6).withLearningRate(1e-3)
		.withThreads(2);
	private static final int N = 3;
	private static final int M = 3;
	private static final ModelFolder.Settings SETTINGS = new ModelFolder.Settings(8, "plane", 64, false, InputPoints.FARTHEST, NeighbourSearch.TREE,
		Map.of());

	@TempDir
	Path tmp;

	@Test
	void resumingFromASavedFolderContinuesAdamExactly() throws Exception {
		final List<float[][]> batches = new ArrayList<>();
		for (int i = 0; i < N + M; i++) batches.add(clouds(2, 64, 100 + i));
		final Map<String, TorchCheckpoint.Tensor> straight;
		try (FoldingNetTrainer t = FoldingNetTrainer.initialised(OPTIONS, 5)) {
			for (final float[][] b : batches) t.step(b);
			straight = t.stateDict();
		}
		final Path folder = tmp.resolve("model");
		try (FoldingNetTrainer t = FoldingNetTrainer.initialised(OPTIONS, 5)) {
			for (int i = 0; i < N; i++) t.step(batches.get(i));
			ModelFolder.write(folder, t.stateDict(), t.optimizerState(), SETTINGS);
		}
		assertTrue(Files.isRegularFile(folder.resolve("optimizer/state.json")));
		assertTrue(Files.isRegularFile(folder.resolve("optimizer/encoder.conv2.weight.exp_avg_sq.npy")));
		final ModelFolder.Model model = ModelFolder.load(folder, SETTINGS);
		assertNotNull(model.optimizer());
		assertEquals(N, model.optimizer().step());
		try (FoldingNetTrainer t = FoldingNetTrainer.resumed(OPTIONS, model.weights(), model.optimizer())) {
			for (int i = N; i < N + M; i++) t.step(batches.get(i));
			assertEquals(N + M, t.steps());
			assertTrue(maxRelativeDifference(straight, t.stateDict()) <= 1e-6, "resumed run ends on the straight run's weights");
		}
		// the check is sharp: fresh moments (what a paper checkpoint resumes with) end elsewhere
		try (FoldingNetTrainer t = FoldingNetTrainer.resumed(OPTIONS, model.weights())) {
			for (int i = N; i < N + M; i++) t.step(batches.get(i));
			assertTrue(maxRelativeDifference(straight, t.stateDict()) > 1e-3, "fresh moments give other weights");
		}
	}

	@Test
	void aFolderWithoutOptimiserStateLoadsWithNone() throws Exception {
		final Path folder = tmp.resolve("weights-only");
		try (FoldingNetTrainer t = FoldingNetTrainer.initialised(OPTIONS, 5)) {
			ModelFolder.write(folder, t.stateDict(), SETTINGS);
		}
		assertFalse(Files.exists(folder.resolve("optimizer")));
		assertNull(ModelFolder.load(folder, SETTINGS).optimizer());
	}

	@Test
	void trainingRunIsFixedBySeedAndCancelsAfterTheCurrentBatch() throws Exception {
		final List<float[]> data = List.of(clouds(5, 64, 7));
		final TrainingRun.Outcome first, second;
		try (FoldingNetTrainer t = FoldingNetTrainer.initialised(OPTIONS, 5)) {
			first = TrainingRun.run(t, data, 2, 2, 9, true, (e, l, tr) -> {}, ProgressListener.NONE);
			assertEquals(6, t.steps(), "3 batches (2, 2, 1 clouds) per epoch");
		}
		try (FoldingNetTrainer t = FoldingNetTrainer.initialised(OPTIONS, 5)) {
			second = TrainingRun.run(t, data, 2, 2, 9, true, (e, l, tr) -> {}, ProgressListener.NONE);
		}
		assertEquals(first.losses(), second.losses());
		assertEquals(2, first.losses().size());
		assertFalse(first.cancelled());
		assertNotNull(first.bestOptimizer());
		final int[] checks = { 0 };
		final ProgressListener cancelOnSecondBatch = new ProgressListener() {

			@Override
			public void progress(final String stage, final long done, final long total) {}

			@Override
			public boolean isCancelled() {
				return ++checks[0] > 1;
			}
		};
		try (FoldingNetTrainer t = FoldingNetTrainer.initialised(OPTIONS, 5)) {
			final TrainingRun.Outcome cancelled = TrainingRun.run(t, data, 2, 2, 9, true, (e, l, tr) -> {}, cancelOnSecondBatch);
			assertTrue(cancelled.cancelled());
			assertEquals(1, t.steps(), "the batch under way finishes, no other starts");
			assertTrue(cancelled.losses().isEmpty());
		}
	}

	private static double maxRelativeDifference(final Map<String, TorchCheckpoint.Tensor> a, final Map<String, TorchCheckpoint.Tensor> b) {
		double worst = 0;
		for (final Map.Entry<String, TorchCheckpoint.Tensor> e : a.entrySet()) {
			final float[] x = e.getValue().data(), y = b.get(e.getKey()).data();
			double scale = 0, diff = 0;
			for (int i = 0; i < x.length; i++) {
				scale = Math.max(scale, Math.abs(x[i]));
				diff = Math.max(diff, Math.abs(x[i] - y[i]));
			}
			worst = Math.max(worst, diff / scale);
		}
		return worst;
	}

	private static float[][] clouds(final int count, final int points, final long seed) {
		final SplittableRandom r = new SplittableRandom(seed);
		final float[][] out = new float[count][3 * points];
		for (final float[] c : out)
			for (int i = 0; i < c.length; i++) c[i] = (float) r.nextGaussian();
		return out;
	}
}
