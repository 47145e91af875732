package org.braggcloud.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.CompositeImage;
import ij.IJ;
import ij.ImagePlus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.braggcloud.TestContext;
import org.braggcloud.io.scan.ScanDescriptorReader;
import org.braggcloud.io.scan.ScanDescriptorWriter;
import org.braggcloud.io.scan.ShiftsFile;
import org.braggcloud.scan.ScanDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;

/** Align Rocking Scans and Conventional Maps through SciJava, on the bundled sample. */
class ConventionalMapsCommandTest {

	private static final Path SAMPLE = Path.of("test-images/sample/scan.json").toAbsolutePath();

	@TempDir
	Path tmp;

	@Test
	void writesEveryMapCalibratedWithNaNOutsideTheMask() throws Exception {
		final Path out = tmp.resolve("maps");
		final CommandModule m = TestContext.run(ConventionalMapsCommand.class, "scan", SAMPLE.toFile(), "output", out.toFile());
		assertFalse(m.isCanceled(), () -> String.valueOf(m.getCancelReason()));
		final List<String> names = List.of("intensity", "rocking_peak_deg", "centroid_row", "centroid_col", "centroid_angle_deg", "fwhm_row",
			"fwhm_col", "fwhm_angle_deg", "strain", "tilt_x", "tilt_y", "paper_strain", "paper_tilt");
		final ImagePlus mask = IJ.openImage(out.resolve("mask.tif").toString());
		assertEquals(8, mask.getBitDepth());
		int inside = 0;
		for (int i = 0; i < 1200; i++)
			if (mask.getProcessor().get(i) == 255) inside++;
		assertTrue(inside > 300 && inside < 1100, "mask covers " + inside);
		for (final String name : names) {
			final ImagePlus map = IJ.openImage(out.resolve("maps/" + name + ".tif").toString());
			assertEquals(32, map.getBitDepth(), name);
			assertEquals(0.1, map.getCalibration().pixelWidth, 1e-9, name);
			for (int i = 0; i < 1200; i++)
				if (mask.getProcessor().get(i) == 0) assertTrue(Float.isNaN(map.getProcessor().getf(i)), name + " outside the mask at " + i);
		}
		final List<String> csv = Files.readAllLines(out.resolve("maps/maps.csv"));
		assertEquals("x,y," + String.join(",", names), csv.get(0));
		assertEquals(inside + 1, csv.size());
		final double[][] shifts = ShiftsFile.read(out.resolve("shifts.csv"), 15);
		final List<String> truth = Files.readAllLines(SAMPLE.resolveSibling("truth/drift.csv"));
		for (int a = 0; a < 15; a++) {
			final String[] t = truth.get(a + 1).split(",");
			assertEquals(Double.parseDouble(t[1]), shifts[a][0], 0.5, "dy of angle " + a);
			assertEquals(Double.parseDouble(t[2]), shifts[a][1], 0.5, "dx of angle " + a);
		}
		final ImagePlus composite = (ImagePlus) m.getOutput("maps");
		assertTrue(composite instanceof CompositeImage);
		assertEquals(names.size(), composite.getNChannels());
	}

	@Test
	void alignCommandWritesShiftsCsv() throws Exception {
		final Path out = tmp.resolve("align");
		final CommandModule m = TestContext.run(AlignScansCommand.class, "scan", SAMPLE.toFile(), "output", out.toFile(), "reference", "xrf");
		assertFalse(m.isCanceled(), () -> String.valueOf(m.getCancelReason()));
		assertEquals(ShiftsFile.HEADER, Files.readAllLines(out.resolve("shifts.csv")).get(0));
		assertEquals(16, Files.readAllLines(out.resolve("shifts.csv")).size());
	}

	@Test
	void failedRegistrationSaysWhyAndOffersAlignFalse() throws Exception {
		// At 0.1 degree steps the outer angles of the sample hardly diffract: intensity maps cannot register them.
		final CommandModule m = TestContext.run(AlignScansCommand.class, "scan", SAMPLE.toFile(), "output",
			tmp.resolve("i").toFile(), "reference", "intensity");
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("angle"), m.getCancelReason());
		assertTrue(m.getCancelReason().contains("align=false"), m.getCancelReason());
		assertFalse(Files.exists(tmp.resolve("i")));
	}

	@Test
	void xrfReferenceWithoutXrfMapsIsRefusedWithTheWayOut() throws Exception {
		final ScanDescriptor tiny = ScanDescriptorReader.read(Path.of("test-images/tiny-tiff-frames/scan.json"));
		final Path scan = tmp.resolve("no-xrf.json");
		ScanDescriptorWriter.write(new ScanDescriptor(scan, tiny.name(), tiny.grid(), tiny.anglesDeg(), tiny.frames(), List.of(), tiny.detector(), tiny.geometry()), tmp, scan);
		final CommandModule m = TestContext.run(AlignScansCommand.class, "scan", scan.toFile(), "output", tmp.resolve("x").toFile(), "reference", "xrf");
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("align=false"), m.getCancelReason());
		assertFalse(Files.exists(tmp.resolve("x")));
	}
}
