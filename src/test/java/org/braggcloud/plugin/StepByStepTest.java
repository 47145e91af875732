package org.braggcloud.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.braggcloud.TestContext;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.pipeline.FeatureKind;
import org.braggcloud.pipeline.Pipeline;
import org.braggcloud.pipeline.PipelineOptions;
import org.braggcloud.pipeline.Preset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;

/**
 * The step commands, run one by one on the pipeline's own intermediate files, write the same
 * bytes as the pipeline: they run the same stages.
 */
class StepByStepTest {

	private static final Path TINY = Path.of("test-images/tiny-tiff-frames/scan.json").toAbsolutePath();

	@TempDir
	static Path dir;

	private static Path pipeline;

	@BeforeAll
	static void runPipeline() throws Exception {
		pipeline = dir.resolve("pipeline");
		final PipelineOptions options = new PipelineOptions(0, false, FeatureKind.DESCRIPTORS, null, 0, 128, 8, 1, 2, false);
		try (OutputFolder out = OutputFolder.create(pipeline, false, "output")) {
			new Pipeline(options).run(TINY, out);
		}
	}

	private static CommandModule run(final Class<? extends org.scijava.command.Command> command, final Object... inputs) throws Exception {
		final CommandModule m = TestContext.run(command, inputs);
		assertFalse(m.isCanceled(), () -> command.getSimpleName() + ": " + m.getCancelReason());
		return m;
	}

	private static void assertSameFiles(final Path expected, final Path actual, final List<String> names) throws Exception {
		for (final String name : names) {
			assertTrue(Files.isRegularFile(expected.resolve(name)), "the pipeline wrote no " + name);
			assertArrayEquals(Files.readAllBytes(expected.resolve(name)), Files.readAllBytes(actual.resolve(name)), name);
		}
	}

	/**
	 * The paper's preset trains FoldingNet on the scan's clouds; Train Autoencoder under the same
	 * preset, seed and epochs on those clouds writes the same model: training is reproducible.
	 */
	@Test
	void trainAutoencoderOnThePipelinesCloudsWritesItsModel() throws Exception {
		final Path paper = dir.resolve("paper-pipeline");
		final PipelineOptions options = new PipelineOptions(2, false, FeatureKind.FOLDINGNET, null, 2, 128, 8, 3, 2, false)
			.withPreset(Preset.PAPER);
		try (OutputFolder out = OutputFolder.create(paper, false, "output")) {
			new Pipeline(options).run(TINY, out);
		}
		final Path out = dir.resolve("trained");
		run(TrainAutoencoderCommand.class, "clouds", paper.resolve("clouds/clouds.h5").toFile(), "output", out.toFile(), "preset", "paper",
			"epochs", 2, "seed", 3L, "threads", 2);
		final List<String> files = new java.util.ArrayList<>(List.of("loss.csv", "loss.png", "optimizer/state.json"));
		try (java.util.stream.Stream<Path> walk = Files.walk(paper.resolve("model"))) {
			walk.filter(Files::isRegularFile).map(p -> paper.resolve("model").relativize(p).toString())
				.filter(n -> n.endsWith(".npy")).forEach(files::add);
		}
		assertTrue(files.size() > 60, files.toString());
		assertSameFiles(paper.resolve("model"), out, files);
		assertEquals(settingsOf(paper.resolve("model/model.json")), settingsOf(out.resolve("model.json")));

		// and Extract Features with that model gives the pipeline's codewords
		final Path features = dir.resolve("paper-features");
		run(ExtractFeaturesCommand.class, "clouds", paper.resolve("clouds/clouds.h5").toFile(), "model", out.toFile(), "preset", "paper",
			"output", features.toFile());
		assertSameFiles(paper, features, List.of("features.csv", "features.tif"));
	}

	/** model.json without its provenance, which names the command or pipeline that trained it. */
	private static String settingsOf(final Path modelJson) throws Exception {
		final com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode)
			new com.fasterxml.jackson.databind.ObjectMapper().readTree(modelJson.toFile());
		json.remove("provenance");
		return json.toString();
	}

	@Test
	void conventionalMapsWritesThePipelinesMaskAndMaps() throws Exception {
		final Path out = dir.resolve("maps");
		run(ConventionalMapsCommand.class, "scan", TINY.toFile(), "output", out.toFile(), "align", false, "threads", 2);
		final List<String> maps = new java.util.ArrayList<>(List.of("mask.tif", "maps/maps.csv"));
		try (java.util.stream.Stream<Path> files = Files.list(pipeline.resolve("maps"))) {
			files.map(p -> "maps/" + p.getFileName()).filter(n -> n.endsWith(".tif")).forEach(maps::add);
		}
		assertTrue(maps.size() > 5, maps.toString());
		assertSameFiles(pipeline, out, maps);
	}

	@Test
	void scanToPointCloudsWritesThePipelinesClouds() throws Exception {
		final Path out = dir.resolve("clouds");
		run(ScanToCloudsCommand.class, "scan", TINY.toFile(), "output", out.toFile(), "align", false, "threads", 2);
		assertSameFiles(pipeline, out, List.of("mask.tif", "clouds/clouds.h5"));
	}

	@Test
	void extractFeaturesOnThePipelinesCloudsWritesItsFeatures() throws Exception {
		final Path out = dir.resolve("features");
		run(ExtractFeaturesCommand.class, "clouds", pipeline.resolve("clouds/clouds.h5").toFile(), "features", "descriptors", "output", out.toFile());
		assertSameFiles(pipeline, out, List.of("features.csv", "features.tif"));
	}

	@Test
	void clusterFeaturesOnThePipelinesFeaturesWritesItsClusterFiles() throws Exception {
		final Path out = dir.resolve("clusters");
		run(ClusterFeaturesCommand.class, "features", pipeline.resolve("features.tif").toFile(), "maps",
			pipeline.resolve("maps/maps.csv").toFile(), "output", out.toFile());
		assertSameFiles(pipeline, out, List.of("labels.csv", "clusters.tif", "clusters.csv", "cluster_count.csv", "cluster_count.png",
			"embedding.png"));
	}
}
