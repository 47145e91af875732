package org.braggcloud.network.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

import org.junit.jupiter.api.Test;

/**
 * PyTorch's grad mode is per thread and a closed gradient collector restores the thread's old
 * mode. A training step must work whatever that mode is, e.g. on a SciJava pool thread.
 */
class GradModeTest {

	@Test
	void aStepWorksOnAThreadWithGradModeOn() throws Exception {
		final Throwable[] failure = new Throwable[1];
		final boolean[] restored = new boolean[1];
		// starting the engine turns grad mode off on the starting thread: start it first, here
		Engine.getEngine("PyTorch");
		final Thread t = new Thread(() -> {
			JniUtils.setGradMode(true);
			final SplittableRandom rng = new SplittableRandom(3);
			final float[][] batch = new float[2][3 * 32];
			for (final float[] c : batch)
				for (int i = 0; i < c.length; i++)
					c[i] = (float) rng.nextGaussian();
			try (FoldingNetTrainer trainer = FoldingNetTrainer.initialised(TrainingOptions.paper(2).withK(4).withPlane(4), 1)) {
				trainer.step(batch);
				trainer.step(batch);
				restored[0] = JniUtils.isGradMode();
			}
			catch (final Throwable e) {
				failure[0] = e;
			}
		});
		t.start();
		t.join();
		if (failure[0] != null) throw new AssertionError("a training step failed on a thread with grad mode on", failure[0]);
		assertTrue(restored[0], "the thread's grad mode is left as it was");
	}
}
