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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline with its clouds and descriptors made in Spark blocks writes the single run's files. */
class SparkScanBlocksTest {

	private static final Path TINY = Path.of(System.getProperty("braggcloud.testImages", "../test-images"), "tiny-tiff-frames/scan.json")
		.toAbsolutePath();
	private static final List<String> RESULTS = List.of("mask.tif", "maps/maps.csv", "clouds/clouds.h5", "features.csv", "labels.csv",
		"clusters.csv", "cluster_count.csv");

	@TempDir
	Path dir;

	@Test
	void thePipelineInSparkBlocksWritesTheSingleRunsFiles() throws Exception {
		final PipelineOptions options = new PipelineOptions(0, false, FeatureKind.DESCRIPTORS, null, 0, 128, 8, 1, 1, false);
		try (OutputFolder out = OutputFolder.create(dir.resolve("single"), false, "output")) {
			new Pipeline(options).run(TINY, out);
		}
		try (JavaSparkContext context = new JavaSparkContext(new SparkConf().setAppName("scan").setMaster("local[2]").set("spark.ui.enabled", "false"));
			OutputFolder out = OutputFolder.create(dir.resolve("blocks"), false, "output"))
		{
			new Pipeline(options).blocks(new SparkScanBlocks(context, 3)).run(TINY, out);
		}
		for (final String f : RESULTS)
			assertArrayEquals(Files.readAllBytes(dir.resolve("single").resolve(f)), Files.readAllBytes(dir.resolve("blocks").resolve(f)), f);
	}
}
