package org.braggcloud.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.braggcloud.TestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/** Train Autoencoder writes a model folder that Extract Features uses. */
class TrainAutoencoderCommandTest {

	@TempDir
	Path tmp;

	@Test
	void benchmarkPrintsTheThreeRates() throws Exception {
		final CommandModule m = TestContext.run(BenchmarkAutoencoderCommand.class, "batch", 2, "points", 64, "k", 4,
			"iterations", 1);
		assertFalse(m.isCanceled(), () -> String.valueOf(m.getCancelReason()));
		final String line = (String) m.getOutput("result");
		assertTrue(line.matches("inference_clouds_per_s=[0-9.]+ encoder_only_clouds_per_s=[0-9.]+ training_clouds_per_s=[0-9.]+"), line);
	}

	@Test
	void trainsAModelThatExtractFeaturesReads() throws Exception {
		final CommandService commands = TestContext.shared().service(CommandService.class);
		final Path clouds = tinyClouds(commands);
		final Path model = tmp.resolve("model");
		final CommandModule train = commands.run(TrainAutoencoderCommand.class, true, "clouds", clouds.resolve("clouds/clouds.h5").toFile(), "output", model.toFile(),
			"epochs", 4, "batch", 4, "points", 64, "k", 8, "checkpoint_every", 2, "learning_rate", 1e-3).get();
		assertFalse(train.isCanceled(), () -> String.valueOf(train.getCancelReason()));
		for (final String f : List.of("model.json", "weights/encoder.mlp1.0.weight.npy", "loss.csv", "loss.png", "checkpoints/best/model.json",
			"checkpoints/epoch_0002/model.json", "checkpoints/epoch_0004/model.json"))
			assertTrue(Files.isRegularFile(model.resolve(f)), f);
		final List<String> loss = Files.readAllLines(model.resolve("loss.csv"));
		assertEquals(5, loss.size());
		assertTrue(Double.parseDouble(loss.get(4).split(",")[1]) < Double.parseDouble(loss.get(1).split(",")[1]), "loss falls: " + loss);
		// Resuming starts from the trained weights: its first epoch is about as good as the last one.
		final Path resumed = tmp.resolve("resumed");
		final CommandModule again = commands.run(TrainAutoencoderCommand.class, true, "clouds", clouds.resolve("clouds/clouds.h5").toFile(), "output", resumed.toFile(),
			"epochs", 1, "batch", 4, "points", 64, "k", 8, "learning_rate", 1e-3, "resume", model.toFile()).get();
		assertFalse(again.isCanceled(), () -> String.valueOf(again.getCancelReason()));
		final double resumedLoss = Double.parseDouble(Files.readAllLines(resumed.resolve("loss.csv")).get(1).split(",")[1]);
		assertTrue(resumedLoss < Double.parseDouble(loss.get(1).split(",")[1]), "resumed " + resumedLoss + " vs first epoch " + loss.get(1));
		final Path features = tmp.resolve("features");
		final CommandModule extract = commands.run(ExtractFeaturesCommand.class, true, "clouds", clouds.resolve("clouds/clouds.h5").toFile(), "model", model.toFile(),
			"output", features.toFile()).get();
		assertFalse(extract.isCanceled(), () -> String.valueOf(extract.getCancelReason()));
		assertTrue(Files.readAllLines(features.resolve("features.csv")).size() > 5);
	}

	/** The paper's preset trains as its code did, and the model folder says so for every later reader. */
	@Test
	void paperPresetTrainsRawCloudsOnTheGaussianGridWithRotations() throws Exception {
		final CommandService commands = TestContext.shared().service(CommandService.class);
		final Path clouds = tinyClouds(commands);
		final Path model = tmp.resolve("paper-model");
		final CommandModule train = commands.run(TrainAutoencoderCommand.class, true, "clouds", clouds.resolve("clouds/clouds.h5").toFile(), "output", model.toFile(),
			"epochs", 1, "batch", 4, "points", 64, "k", 8, "preset", "paper", "normalize", true).get();
		assertFalse(train.isCanceled(), () -> String.valueOf(train.getCancelReason()));
		final String json = Files.readString(model.resolve("model.json"));
		assertTrue(json.contains("\"grid\" : \"gaussian\""), json);
		assertTrue(json.contains("\"normalize\" : false"), "the paper's network reads raw clouds, whatever normalize says: " + json);
		assertTrue(json.contains("\"input_points\" : \"stored\""), json);
		assertTrue(json.contains("\"rotate\" : \"true\""), json);
		// the decoder's first folding reads the codeword and a 3-D grid point
		assertEquals(515, org.braggcloud.network.checkpoint.NpyArray.read(model.resolve("weights/decoder.folding1.0.weight.npy")).shape()[1]);
		final Path features = tmp.resolve("paper-features");
		final CommandModule extract = commands.run(ExtractFeaturesCommand.class, true, "clouds", clouds.resolve("clouds/clouds.h5").toFile(), "model", model.toFile(),
			"output", features.toFile(), "reconstruct", true).get();
		assertFalse(extract.isCanceled(), () -> String.valueOf(extract.getCancelReason()));
		assertTrue(Files.readAllLines(features.resolve("features.csv")).size() > 5);
	}

	/** A checkpoint's grid is the one its weights fold, unless the user names one; a wrong one is refused by name. */
	@Test
	void aCheckpointsGridIsReadFromItsWeights() throws Exception {
		final CommandService commands = TestContext.shared().service(CommandService.class);
		final Path interop = Path.of("test-images/interop/foldingnet-paper-seed1").toAbsolutePath();
		final Path out = tmp.resolve("wrong-grid");
		final CommandModule m = commands.run(ExtractFeaturesCommand.class, true, "clouds", interop.resolve("clouds").toFile(), "model",
			interop.resolve("model.pkl").toFile(), "output", out.toFile(), "grid", "gaussian").get();
		assertTrue(m.isCanceled());
		final String why = m.getCancelReason();
		assertTrue(why.contains("model.pkl") && why.contains("2-D") && why.contains("grid=plane"), why);
		assertFalse(Files.exists(out));
	}

	/** The clouds of the tiny test scan, undenoised: a few seconds of training data. */
	private Path tinyClouds(final CommandService commands) throws Exception {
		final Path clouds = tmp.resolve("clouds");
		assertFalse(commands.run(ScanToCloudsCommand.class, true, "scan", Path.of("test-images/tiny-tiff-frames/scan.json").toAbsolutePath().toFile(),
			"output", clouds.toFile(), "denoise", "none", "align", false).get().isCanceled());
		return clouds;
	}
}
