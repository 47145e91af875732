package org.braggcloud.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.braggcloud.TestContext;
import org.braggcloud.io.scan.ScanOpener;
import org.braggcloud.scan.RockingScan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;

/** The simulator through its command: every layout holds the same counts; truth beside it. */
class SimulateScanCommandTest {

	@TempDir
	Path tmp;

	private CommandModule simulate(final Path out, final String layout, final long seed, final boolean overwrite) throws Exception {
		return TestContext.run(SimulateScanCommand.class, "output", out.toFile(), "layout", layout,
			"nx", 12, "ny", 9, "detector_rows", 32, "detector_columns", 32, "angles", 9, "drift", 1.0, "seed", seed,
			"overwrite", overwrite);
	}

	@Test
	void allLayoutsHoldTheSameCountsAndTruth() throws Exception {
		final List<String> layouts = List.of("tiff-frames", "tiff-columns", "hdf5");
		float[][] reference = null;
		for (final String layout : layouts) {
			final Path out = tmp.resolve(layout);
			final CommandModule m = simulate(out, layout, 7, false);
			assertFalse(m.isCanceled(), () -> String.valueOf(m.getCancelReason()));
			assertEquals(out.resolve("scan.json").toFile(), m.getOutput("scan_file"));
			try (RockingScan scan = ScanOpener.open(out.resolve("scan.json"))) {
				assertEquals(108, scan.grid().pointCount());
				assertTrue(scan.hasXrf());
				assertTrue(scan.descriptor().hasGeometry());
				final float[][] volumes = new float[scan.grid().pointCount()][scan.voxelsPerPixel()];
				for (int y = 0; y < 9; y++)
					for (int x = 0; x < 12; x++)
						scan.readVolume(x, y, volumes[y * 12 + x]);
				if (reference == null) reference = volumes;
				else for (int i = 0; i < volumes.length; i++)
					assertArrayEquals(reference[i], volumes[i], 0f, layout + " differs at pixel " + i);
			}
			for (final String truth : List.of("labels.tif", "thickness.tif", "peak_row.tif", "peak_column.tif", "peak_angle_deg.tif",
				"strain.tif", "tilt_x.tif", "tilt_y.tif", "drift.csv", "domains.csv", "hot_pixels.csv"))
				assertTrue(Files.isRegularFile(out.resolve("truth").resolve(truth)), truth);
			final ImagePlus labels = IJ.openImage(out.resolve("truth/labels.tif").toString());
			assertEquals(12, labels.getWidth());
			assertEquals(0.1, labels.getCalibration().pixelWidth, 1e-9);
			final List<String> drift = Files.readAllLines(out.resolve("truth/drift.csv"));
			assertEquals("angle_index,dy,dx", drift.get(0));
			assertEquals(10, drift.size());
		}
		// The particle carries counts well above the background: the brightest pixel sees a peak.
		double max = 0;
		for (final float[] v : reference) {
			double s = 0;
			for (final float f : v)
				s += f;
			max = Math.max(max, s);
		}
		assertTrue(max > 10000, "brightest pixel integrates " + max);
	}

	@Test
	void facetedOptionsReachTheModelAndTheTruth() throws Exception {
		final Path out = tmp.resolve("faceted");
		final CommandModule m = TestContext.run(SimulateScanCommand.class, "output", out.toFile(),
			"nx", 8, "ny", 6, "detector_rows", 32, "detector_columns", 32, "angles", 7, "peak_style", "faceted",
			"peak_maximum", 300.0, "fluorescence", 2.0, "dead_columns", 2, "dead_rows", 1, "seed", 5L);
		assertFalse(m.isCanceled(), () -> String.valueOf(m.getCancelReason()));
		final List<String> dead = Files.readAllLines(out.resolve("truth/dead_lines.csv"));
		assertEquals(List.of("axis,index"), dead.subList(0, 1));
		assertEquals(2, dead.stream().filter(l -> l.startsWith("column,")).count());
		assertEquals(1, dead.stream().filter(l -> l.startsWith("row,")).count());
		final List<String> domains = Files.readAllLines(out.resolve("truth/domains.csv"));
		assertTrue(domains.get(0).startsWith("label,kind,centre_x,centre_y,strain,tilt_x,tilt_y,width_x"), domains.get(0));
		assertTrue(domains.get(1).contains(",faceted,"), domains.get(1));
		assertTrue(Files.readAllLines(out.resolve("truth/rods.csv")).get(1).startsWith("0,"), "reference rods first");
	}

	@Test
	void sameSeedSameFilesOtherSeedOtherFiles() throws Exception {
		simulate(tmp.resolve("a"), "tiff-frames", 3, false);
		simulate(tmp.resolve("b"), "tiff-frames", 3, false);
		simulate(tmp.resolve("c"), "tiff-frames", 4, false);
		final byte[] a = Files.readAllBytes(tmp.resolve("a/rock_004_diff.tif"));
		assertArrayEquals(a, Files.readAllBytes(tmp.resolve("b/rock_004_diff.tif")));
		assertFalse(java.util.Arrays.equals(a, Files.readAllBytes(tmp.resolve("c/rock_004_diff.tif"))));
	}

	@Test
	void refusesAFolderWithResultsUnlessOverwrite() throws Exception {
		final Path out = tmp.resolve("s");
		simulate(out, "hdf5", 1, false);
		final long before = Files.getLastModifiedTime(out.resolve("rock_000_diff.h5")).toMillis();
		final CommandModule again = simulate(out, "hdf5", 2, false);
		assertTrue(again.isCanceled());
		assertTrue(again.getCancelReason().contains("overwrite=true"), again.getCancelReason());
		assertEquals(before, Files.getLastModifiedTime(out.resolve("rock_000_diff.h5")).toMillis());
		final CommandModule forced = simulate(out, "hdf5", 2, true);
		assertFalse(forced.isCanceled());
		try (var entries = Files.list(out)) {
			assertTrue(entries.noneMatch(p -> p.getFileName().toString().startsWith(".bragg-cloud-staging")), "no staging left");
		}
		assertTrue(new File(out.toFile(), "scan.json").isFile());
	}
}
