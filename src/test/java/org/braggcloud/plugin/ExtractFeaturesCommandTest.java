package org.braggcloud.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.braggcloud.TestContext;
import org.braggcloud.cloud.PlyReader;
import org.braggcloud.network.checkpoint.NpyArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;

/** Extract Features with the paper's own checkpoint: the paper's codewords, and a feature image for a scan. */
class ExtractFeaturesCommandTest {

	private static final Path INTEROP = Path.of("test-images/interop/foldingnet-paper-seed1").toAbsolutePath();
	@TempDir
	Path tmp;

	@Test
	void paperCheckpointOnAPlyFolderGivesThePapersCodewords() throws Exception {
		final Path out = tmp.resolve("f");
		final CommandModule m = TestContext.run(ExtractFeaturesCommand.class, "clouds", INTEROP.resolve("clouds").toFile(),
			"model", INTEROP.resolve("model.pkl").toFile(), "output", out.toFile(), "reconstruct", true);
		assertFalse(m.isCanceled(), () -> String.valueOf(m.getCancelReason()));
		final List<String> csv = Files.readAllLines(out.resolve("features.csv"));
		assertEquals(7, csv.size());
		assertTrue(csv.get(0).startsWith("name,f0,f1,") && csv.get(0).endsWith(",f511"));
		final NpyArray expected = NpyArray.read(INTEROP.resolve("expected_features_reference_blas.npy"));
		double maxAbs = 0, maxErr = 0;
		for (int i = 0; i < 6; i++) {
			final String[] row = csv.get(i + 1).split(",");
			assertEquals(String.format("cloud_%02d", i), row[0]);
			for (int f = 0; f < 512; f++) {
				final double e = expected.data()[i * 512 + f];
				maxAbs = Math.max(maxAbs, Math.abs(e));
				maxErr = Math.max(maxErr, Math.abs(Double.parseDouble(row[f + 1]) - e));
			}
		}
		assertTrue(maxErr / maxAbs < 1e-4, "relative error " + maxErr / maxAbs);
		assertEquals(2025, PlyReader.read(out.resolve("reconstructions/cloud_03.ply")).size());
		assertFalse(Files.exists(out.resolve("features.tif")), "PLY folders have no scan grid");
	}

	@Test
	void cloudsOfAScanGiveAFeatureImage() throws Exception {
		final Path clouds = tmp.resolve("c");
		assertFalse(TestContext.run(ScanToCloudsCommand.class, "scan",
			Path.of("test-images/tiny-tiff-frames/scan.json").toAbsolutePath().toFile(), "output", clouds.toFile(), "denoise", "none", "align", false).isCanceled());
		final Path out = tmp.resolve("f");
		final CommandModule m = TestContext.run(ExtractFeaturesCommand.class, "clouds", clouds.resolve("clouds/clouds.h5").toFile(),
			"model", INTEROP.resolve("model.pkl").toFile(), "output", out.toFile(), "points", 256);
		assertFalse(m.isCanceled(), () -> String.valueOf(m.getCancelReason()));
		final ImagePlus stack = IJ.openImage(out.resolve("features.tif").toString());
		assertEquals(512, stack.getStackSize());
		assertEquals(8, stack.getWidth());
		assertEquals(0.1, stack.getCalibration().pixelWidth, 1e-9);
		final ImagePlus mask = IJ.openImage(clouds.resolve("mask.tif").toString());
		final long rows = Files.readAllLines(out.resolve("features.csv")).size() - 1;
		int finite = 0;
		for (int i = 0; i < 48; i++) {
			final boolean has = !Float.isNaN(stack.getStack().getProcessor(1).getf(i));
			if (has) finite++;
			if (mask.getProcessor().get(i) == 0) assertFalse(has, "feature outside the mask at " + i);
		}
		assertEquals(rows, finite);
	}
}
