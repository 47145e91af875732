package org.braggcloud.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

import org.braggcloud.TestContext;
import org.braggcloud.scan.RockingScan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;
import org.scijava.io.IOService;

/**
 * Scans written by ImageJ and jhdf themselves, in all three layouts, opened through the command:
 * the overview must equal sums computed here from the raw counts.
 */
class OpenScanCommandTest {

	private static final IndependentScanFiles FILES = new IndependentScanFiles(6, 4, 10, 7, 3, 42);

	@TempDir
	Path tmp;

	@Test
	void tiffFramesWrittenByImageJ() throws Exception {
		checkOverview(FILES.writeTiffFrames(tmp.resolve("frames")));
	}

	@Test
	void tiffColumnsAsThePaperExportedThem() throws Exception {
		checkOverview(FILES.writeTiffColumns(tmp.resolve("columns")));
	}

	@Test
	void hdf5ChunkedDeflateFlipped() throws Exception {
		checkOverview(FILES.writeHdf5(tmp.resolve("h5c"), true));
	}

	@Test
	void hdf5Contiguous() throws Exception {
		checkOverview(FILES.writeHdf5(tmp.resolve("h5"), false));
	}

	private void checkOverview(final Path scanJson) throws Exception {
		final Path out = tmp.resolve("out-" + scanJson.getParent().getFileName());
		final Map<String, Object> inputs = new HashMap<>();
		inputs.put("scan", scanJson.toFile());
		inputs.put("output", out.toFile());
		final CommandModule module = TestContext.run(OpenScanCommand.class, inputs);
		assertFalse(module.isCanceled(), () -> "cancelled: " + module.getCancelReason());

		final ImagePlus intensity = (ImagePlus) module.getOutput("intensity");
		final ImagePlus pattern = (ImagePlus) module.getOutput("mean_pattern");
		assertEquals(6, intensity.getWidth());
		assertEquals(4, intensity.getHeight());
		assertEquals(7, pattern.getWidth());
		assertEquals(10, pattern.getHeight());
		assertEquals(0.1, intensity.getCalibration().pixelWidth, 1e-12);
		assertEquals("µm", intensity.getCalibration().getUnit());
		assertEquals(55.0, pattern.getCalibration().pixelWidth, 1e-12);

		final double[] sums = FILES.expectedIntensity();
		final double[] mean = FILES.expectedMeanPattern();
		final ImagePlus writtenIntensity = IJ.openImage(out.resolve("intensity.tif").toString());
		final ImagePlus writtenPattern = IJ.openImage(out.resolve("mean_pattern.tif").toString());
		for (int i = 0; i < sums.length; i++) {
			// float32 holds these sums (< 2^24 * a few) to a relative 6e-8
			assertEquals(sums[i], intensity.getProcessor().getf(i), sums[i] * 1e-7, "intensity at " + i);
			assertEquals(sums[i], writtenIntensity.getProcessor().getf(i), sums[i] * 1e-7, "written intensity at " + i);
		}
		for (int i = 0; i < mean.length; i++) {
			assertEquals(mean[i], pattern.getProcessor().getf(i), Math.max(1e-4, mean[i] * 1e-6), "mean pattern at " + i);
			assertEquals(mean[i], writtenPattern.getProcessor().getf(i), Math.max(1e-4, mean[i] * 1e-6), "written mean pattern at " + i);
		}
		assertEquals(0.1, writtenIntensity.getCalibration().pixelWidth, 1e-9);
		try (var entries = Files.list(out)) {
			assertEquals(List.of(".bragg-cloud-results", "intensity.tif", "mean_pattern.tif"),
				entries.map(p -> p.getFileName().toString()).sorted().toList(), "the two results and the manifest, no staging left behind");
		}
	}

	@Test
	void ioServiceOpensADescriptorAsAScan() throws Exception {
		final Path json = FILES.writeTiffFrames(tmp.resolve("io"));
		final Object opened = TestContext.shared().service(IOService.class).open(json.toString());
		final RockingScan scan = assertInstanceOf(RockingScan.class, opened);
		try (scan) {
			assertEquals(24, scan.grid().pointCount());
			assertEquals(3, scan.angleCount());
		}
	}

	@Test
	void failureIsReportedAsCancelWithTheReason() throws Exception {
		final Path json = tmp.resolve("broken").resolve("scan.json");
		Files.createDirectories(json.getParent());
		Files.writeString(json, "{\"scan\": {\"nx\": 2, \"ny\": 2, \"step_um\": 0.1}, \"angles_deg\": [0], \"frames\": {\"format\": \"tiff\", \"files\": [\"gone.tif\"]}}");
		final Path out = tmp.resolve("never");
		final CommandModule module = TestContext.run(OpenScanCommand.class, "scan", json.toFile(), "output", out.toFile());
		assertTrue(module.isCanceled());
		assertTrue(module.getCancelReason().contains("gone.tif"), module.getCancelReason());
		assertTrue(module.getCancelReason().contains("frames.files[0]"), module.getCancelReason());
		assertFalse(Files.exists(out), "nothing written on failure");
	}
}
