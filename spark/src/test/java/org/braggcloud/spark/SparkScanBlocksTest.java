package org.braggcloud.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.pipeline.FeatureKind;
import org.braggcloud.pipeline.Pipeline;
import org.braggcloud.pipeline.PipelineOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline with its clouds and features made in Spark blocks writes the single run's
 * files, with peak descriptors and with the shipped FoldingNet.
 */
class SparkScanBlocksTest {

	private static final Path TINY = Path.of(System.getProperty("braggcloud.testImages", "../test-images"), "tiny-tiff-frames/scan.json")
		.toAbsolutePath();
	private static final List<String> RESULTS = List.of("mask.tif", "maps/maps.csv", "clouds/clouds.h5", "features.csv", "labels.csv",
		"clusters.csv", "cluster_count.csv");

	@TempDir
	Path dir;

	@ParameterizedTest
	@EnumSource(FeatureKind.class)
	void thePipelineInSparkBlocksWritesTheSingleRunsFiles(final FeatureKind features) throws Exception {
		final PipelineOptions options = new PipelineOptions(0, false, features, null, 0, 128, 8, 1, 1, false);
		final Path single = dir.resolve("single-" + features.key()), blocks = dir.resolve("blocks-" + features.key());
		try (OutputFolder out = OutputFolder.create(single, false, "output")) {
			new Pipeline(options).run(TINY, out);
		}
		try (JavaSparkContext context = new JavaSparkContext(new SparkConf().setAppName("scan").setMaster("local[2]").set("spark.ui.enabled", "false"));
			OutputFolder out = OutputFolder.create(blocks, false, "output"))
		{
			new Pipeline(options).blocks(new SparkScanBlocks(context, 3)).run(TINY, out);
		}
		for (final String f : RESULTS) assertArrayEquals(Files.readAllBytes(single.resolve(f)), Files.readAllBytes(blocks.resolve(f)), f);
	}
}
