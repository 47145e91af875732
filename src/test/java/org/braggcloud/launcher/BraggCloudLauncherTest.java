package org.braggcloud.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;

/** The launcher in-process (exit codes, messages) and through scripts/bragg-cloud itself. */
class BraggCloudLauncherTest {

	private static Context context;

	@TempDir
	Path tmp;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

	@BeforeAll
	static void start() {
		context = new Context();
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	private int launch(final String... args) {
		return new BraggCloudLauncher(context, new PrintStream(out, true, StandardCharsets.UTF_8),
			new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
	}

	@Test
	void helpListsEveryCommandWithParametersAndDefaults() {
		assertEquals(0, launch("--help"));
		final String help = out.toString(StandardCharsets.UTF_8);
		for (final String s : List.of("Open Nanodiffraction Scan", "Simulate Nanodiffraction Scan", "Benchmark Scan Streaming",
			"overwrite", "default false", "layout", "one of [tiff-frames, tiff-columns, hdf5]", "default 40"))
			assertTrue(help.contains(s), () -> "help lacks " + s + ":\n" + help);
	}

	@Test
	void runsByTitleOrClassWithFijiSyntax() throws Exception {
		final Path sim = tmp.resolve("sim");
		assertEquals(0, launch("--run", "Simulate Nanodiffraction Scan", "output='" + sim + "',nx=8,ny=6,angles=5,detector_rows=24,detector_columns=24,layout='tiff-columns'"),
			err::toString);
		assertTrue(out.toString(StandardCharsets.UTF_8).contains("scan_file = " + sim.resolve("scan.json")));
		final Path overview = tmp.resolve("overview");
		assertEquals(0, launch("--run", "org.braggcloud.plugin.OpenScanCommand", "scan='" + sim.resolve("scan.json") + "',output='" + overview + "'"), err::toString);
		final ImagePlus intensity = IJ.openImage(overview.resolve("intensity.tif").toString());
		assertEquals(8, intensity.getWidth());
		assertEquals(6, intensity.getHeight());
	}

	@Test
	void failuresExitNonZeroWithTheErrorOnStderr() {
		assertEquals(1, launch("--run", "Open Nanodiffraction Scan", "scan='" + tmp.resolve("missing.json") + "'"));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing.json: scan descriptor not found"), err::toString);
		assertEquals(2, launch("--run", "Open Nanodiffraction Scan", "scan='x.json',colour=3"));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unknown parameter 'colour'"));
		assertEquals(2, launch("--run", "Open Nanodiffraction Scan", ""));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("Missing parameter 'scan'"));
		assertEquals(2, launch("--run", "No Such Command", ""));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("No Bragg Cloud command 'No Such Command'"));
	}

	@Test
	void aValueThatDoesNotParseOrFitIsRefusedNamingItsKeyAndNothingRuns() {
		final Path o = tmp.resolve("never");
		final String base = "output='" + o + "',ny=6,angles=5,detector_rows=24,detector_columns=24";
		for (final String[] bad : new String[][] {
			{ "nx='four'", "parameter 'nx': 'four' is not a whole number" },
			{ "nx=3.7", "parameter 'nx': 3.7 is not a whole number" },
			{ "nx=-4", "parameter 'nx': -4 is not at least" },
			{ "step_um=NaN", "parameter 'step_um'" },
			{ "overwrite='yes'", "parameter 'overwrite': 'yes' is not true or false" },
			{ "layout='zarr'", "parameter 'layout': 'zarr' is not one of 'tiff-frames'" },
			{ "nx=9,nx=8", "parameter 'nx' is given twice" } }) {
			err.reset();
			assertEquals(2, launch("--run", "Simulate Nanodiffraction Scan", base + "," + bad[0]), bad[0]);
			assertTrue(err.toString(StandardCharsets.UTF_8).contains(bad[1]), () -> bad[0] + ": " + err);
			assertFalse(java.nio.file.Files.exists(o), bad[0]);
		}
	}

	@Test
	void shellLauncherRunsACommandAndReportsFailure() throws Exception {
		final Path script = Path.of("scripts", "bragg-cloud").toAbsolutePath();
		final Path sim = tmp.resolve("viaScript");
		final Process ok = new ProcessBuilder(script.toString(), "--run", "Simulate Nanodiffraction Scan",
			"output='" + sim + "',nx=6,ny=5,angles=4,detector_rows=16,detector_columns=16,layout='hdf5'").redirectErrorStream(true).start();
		final String okOutput = new String(ok.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(ok.waitFor(120, TimeUnit.SECONDS));
		assertEquals(0, ok.exitValue(), okOutput);
		assertTrue(Files.isRegularFile(sim.resolve("rock_003_diff.h5")), okOutput);

		final Process bad = new ProcessBuilder(script.toString(), "--run", "Open Nanodiffraction Scan", "scan='" + tmp.resolve("nope.json") + "'").start();
		final String stderr = new String(bad.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(bad.waitFor(120, TimeUnit.SECONDS));
		assertEquals(1, bad.exitValue());
		assertTrue(stderr.contains("nope.json: scan descriptor not found"), stderr);
		assertFalse(stderr.contains("Exception"), stderr);
	}
}
