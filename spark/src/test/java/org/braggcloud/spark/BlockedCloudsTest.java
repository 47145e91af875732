package org.braggcloud.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.io.scan.ScanLayout;
import org.braggcloud.io.scan.ScanOpener;
import org.braggcloud.preparation.PreparedScan;
import org.braggcloud.preparation.ScanPreparation;
import org.braggcloud.progress.ProgressListener;
import org.braggcloud.scan.PixelType;
import org.braggcloud.scan.RockingScan;
import org.braggcloud.simulation.SampleModel;
import org.braggcloud.simulation.SimulatedScanWriter;
import org.braggcloud.stage.CloudStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One drifting scan's clouds made in four blocks of rows by Spark tasks ({@code local[2]}) are the
 * single-JVM clouds step's: the same clouds.h5, byte for byte, and the same empty points.
 */
class BlockedCloudsTest {

	@TempDir
	Path dir;

	@Test
	void blocksOfRowsOnSparkGiveTheSingleRunsClouds() throws Exception {
		final SampleModel model = SampleModel.builder().nx(16).ny(12).maxDriftPx(1).seed(3).build();
		try (OutputFolder out = OutputFolder.create(dir.resolve("scan"), false, "output")) {
			SimulatedScanWriter.write(model, 3, ScanLayout.TIFF_FRAMES, PixelType.UINT16, false, 2, out, ProgressListener.NONE);
			out.commit();
		}
		final Path descriptor = dir.resolve("scan/scan.json");
		final CloudStage.Options options = CloudStage.Options.defaults(1);
		try (RockingScan scan = ScanOpener.open(descriptor);
			JavaSparkContext context = new JavaSparkContext(new SparkConf().setAppName("blocks").setMaster("local[2]").set("spark.ui.enabled", "false")))
		{
			final PreparedScan prepared = new ScanPreparation().align(true).threads(1).prepare(scan);
			final CloudStage.Clouds whole = CloudStage.make(scan, prepared, options, ProgressListener.NONE);
			final CloudStage.Clouds blocks = BlockedClouds.make(context, descriptor, scan, prepared, options, 4);
			assertTrue(whole.clouds().size() > 20, "a particle's worth of clouds: " + whole.clouds().size());
			assertEquals(whole.clouds().size(), blocks.clouds().size());
			assertEquals(whole.summary().points(), blocks.summary().points());
			assertEquals(whole.summary().emptyPixels().size(), blocks.summary().emptyPixels().size());
			for (final String name : new String[] { "whole", "blocks" }) {
				try (OutputFolder out = OutputFolder.create(dir.resolve(name), false, "output")) {
					CloudStage.write(scan, name.equals("whole") ? whole : blocks, options, out);
					out.commit();
				}
			}
		}
		assertArrayEquals(Files.readAllBytes(dir.resolve("whole/clouds/clouds.h5")), Files.readAllBytes(dir.resolve("blocks/clouds/clouds.h5")));
	}
}
