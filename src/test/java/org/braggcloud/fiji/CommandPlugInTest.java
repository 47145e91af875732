package org.braggcloud.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.Macro;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.braggcloud.plugin.SimulateScanCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter headless, the way a macro calls it: run("Title", options) hands the options to the
 * plug-in's thread, the adapter reads them with the parameter names as keys.
 */
class CommandPlugInTest {

	@TempDir
	Path tmp;

	/** What IJ.run(title, options) does: the plug-in runs on a thread named "Run$_..." holding the options. */
	static void runAsMacro(final String commandClass, final String options) throws InterruptedException {
		final Thread thread = new Thread(() -> new CommandPlugIn().run(commandClass), "Run$_test");
		Macro.setOptions(thread, options);
		thread.start();
		thread.join();
		Macro.setOptions(thread, null);
	}

	@Test
	void macroOptionsReachTheCommandUnderTheParameterNames() throws Exception {
		final Path out = tmp.resolve("a scan with spaces");
		runAsMacro(SimulateScanCommand.class.getName(), "output=[" + out + "] layout=hdf5 nx=7 ny=5 step_um=0.25 detector_rows=16 "
			+ "detector_columns=16 angles=3 domains=1 hot_pixels=0 flip_vertical seed=5");
		final String json = Files.readString(out.resolve("scan.json"));
		assertEquals(7, number(json, "nx"));
		assertEquals(5, number(json, "ny"));
		assertEquals(0.25, number(json, "step_um"), 1e-12);
		assertTrue(json.contains("\"format\" : \"hdf5\""), json);
		assertTrue(json.matches("(?s).*\"flip_vertical\" : true.*"), json);
		try (Stream<Path> files = Files.list(out)) {
			assertEquals(3, files.filter(p -> p.toString().endsWith(".h5")).count());
		}
	}

	@Test
	void aMacroValueThatDoesNotParseIsRefusedNamingItsKeyAndNothingIsWritten() throws Exception {
		for (final String[] bad : new String[][] { { "nx=four", "parameter 'nx': 'four' is not a whole number" },
			{ "nx=4 overwrite=ture", "parameter 'overwrite': 'ture' is not true or false" },
			{ "nx=4 step_um=NaN", "parameter 'step_um': 'NaN' is not a finite number" },
			{ "nx=4 nx=5", "parameter 'nx' is given twice" },
			{ "nx=0", "parameter 'nx': '0' is not at least 1" } }) {
			final Path out = tmp.resolve("refused");
			final java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
			final java.io.PrintStream original = System.out;
			System.setOut(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
			try {
				runAsMacro(SimulateScanCommand.class.getName(), "output=" + out + " " + bad[0] + " ny=3 detector_rows=16 detector_columns=16 angles=2");
			}
			finally {
				System.setOut(original);
			}
			assertTrue(log.toString(java.nio.charset.StandardCharsets.UTF_8).contains(bad[1]), () -> bad[0] + ": " + log);
			assertTrue(Files.notExists(out), bad[0]);
		}
	}

	@Test
	void leftOutCheckboxIsOffAndLeftOutValuesKeepTheirDefaults() throws Exception {
		final Path out = tmp.resolve("b");
		runAsMacro(SimulateScanCommand.class.getName(), "output=" + out + " nx=4 ny=3 detector_rows=16 detector_columns=16 angles=2 domains=1");
		final String json = Files.readString(out.resolve("scan.json"));
		assertEquals(0.1, number(json, "step_um"), 1e-12);
		assertFalse(json.matches("(?s).*\"flip_vertical\" : true.*"), json);
	}

	@Test
	void samplePlugInUnpacksTheBundledScan() throws Exception {
		final Path folder = OpenSamplePlugIn.sampleFolder();
		assertTrue(Files.isRegularFile(folder.resolve("scan.json")));
		try (Stream<Path> files = Files.list(folder)) {
			assertEquals(15, files.filter(p -> p.toString().endsWith("_diff.h5")).count());
		}
		assertFalse(Files.exists(folder.resolve("truth")), "ground truth stays out of the jar");
	}

	private static double number(final String json, final String key) {
		final Matcher m = Pattern.compile("\"" + key + "\" : ([-0-9.eE]+)").matcher(json);
		assertTrue(m.find(), key + " in " + json);
		return Double.parseDouble(m.group(1));
	}
}
