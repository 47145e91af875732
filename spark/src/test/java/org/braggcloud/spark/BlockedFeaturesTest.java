package org.braggcloud.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.io.results.NamedClouds;
import org.braggcloud.io.scan.ScanOpener;
import org.braggcloud.network.model.ModelFolder;
import org.braggcloud.network.model.ShippedModel;
import org.braggcloud.preparation.ScanPreparation;
import org.braggcloud.progress.ProgressListener;
import org.braggcloud.scan.RockingScan;
import org.braggcloud.stage.CloudStage;
import org.braggcloud.stage.FeatureStage;
import org.braggcloud.stage.FoldingNetEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan's features computed in blocks by Spark tasks ({@code local[2]}) are the single run's,
 * value for value: the peak descriptors, and the shipped FoldingNet's codewords from one network
 * per executor.
 */
class BlockedFeaturesTest {

	private static final Path TINY = Path.of(System.getProperty("braggcloud.testImages", "../test-images"), "tiny-tiff-frames/scan.json")
		.toAbsolutePath();

	@TempDir
	Path dir;

	@Test
	void blocksOfCloudsOnSparkGiveTheSingleRunsFeatures() throws Exception {
		final NamedClouds clouds;
		try (RockingScan scan = ScanOpener.open(TINY); OutputFolder out = OutputFolder.create(dir.resolve("clouds"), false, "output")) {
			final CloudStage.Options o = CloudStage.Options.defaults(1);
			clouds = CloudStage.run(scan, new ScanPreparation().align(false).threads(1).prepare(scan), o, out, ProgressListener.NONE).named();
		}
		assertTrue(clouds.clouds().size() >= 10, clouds.clouds().size() + " clouds");
		final FeatureStage.Result descriptors = FeatureStage.descriptors(clouds);
		final FeatureStage.Result codewords;
		final ModelFolder.Model shipped = ShippedModel.load();
		try (FoldingNetEncoder encoder = new FoldingNetEncoder(shipped, 1)) {
			codewords = FeatureStage.codewords(clouds, encoder, 4, false, ProgressListener.NONE);
		}
		try (JavaSparkContext context = new JavaSparkContext(new SparkConf().setAppName("features").setMaster("local[2]").set("spark.ui.enabled", "false"))) {
			same(descriptors, BlockedFeatures.make(context, clouds, null, 4, 3));
			same(codewords, BlockedFeatures.make(context, clouds, shipped, 4, 3));
		}
	}

	private static void same(final FeatureStage.Result expected, final FeatureStage.Result actual) {
		assertArrayEquals(expected.columns(), actual.columns());
		assertEquals(expected.rows().length, actual.rows().length);
		for (int i = 0; i < expected.rows().length; i++) assertArrayEquals(expected.rows()[i], actual.rows()[i], "row " + i);
	}
}
