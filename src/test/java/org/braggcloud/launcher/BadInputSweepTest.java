package org.braggcloud.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.braggcloud.TestContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input of many kinds through the headless launcher, as a user meets it: every case fails
 * with a non-zero exit and a message that names what is wrong, never a Java exception's class
 * name or stack trace, and leaves no output folder behind.
 */
class BadInputSweepTest {

	@TempDir
	static Path dir;

	private static final Path TINY = Path.of("test-images/tiny-tiff-frames/scan.json").toAbsolutePath();
	private static final Path INTEROP_CLOUDS = Path.of("test-images/interop/foldingnet-paper-seed1/clouds").toAbsolutePath();

	@BeforeAll
	static void files() throws Exception {
		Files.createDirectories(dir.resolve("folder"));
		Files.writeString(dir.resolve("text.json"), "this is not JSON");
		Files.writeString(dir.resolve("empty.json"), "{}");
		Files.writeString(dir.resolve("missing-frames.json"), "{\"scan\": {\"nx\": 4, \"ny\": 3, \"step_um\": 0.1}, \"angles_deg\": [0, 0.1], "
			+ "\"frames\": {\"format\": \"tiff\", \"files\": [\"a.tif\", \"b.tif\"]}}");
		Files.writeString(dir.resolve("not.h5"), "not hdf5");
		Files.writeString(dir.resolve("constant.csv"), "name,f0\na,1\nb,1\nc,1\n");
		Files.createDirectories(dir.resolve("plys"));
		Files.writeString(dir.resolve("plys/empty.ply"), "ply\nformat ascii 1.0\nelement vertex 0\nproperty float x\nproperty float y\nproperty float z\nend_header\n");
		Files.createDirectories(dir.resolve("model-without-json"));
		// a clouds.h5 cut to half its length, as an interrupted copy leaves it
		final Path whole = dir.resolve("whole.h5");
		new org.braggcloud.io.results.CloudContainer(2, 1, java.util.List.of(
			new org.braggcloud.cloud.PixelCloud(0, 0, org.braggcloud.cloud.PlyReader.read(INTEROP_CLOUDS.resolve("cloud_00.ply"))),
			new org.braggcloud.cloud.PixelCloud(1, 0, org.braggcloud.cloud.PlyReader.read(INTEROP_CLOUDS.resolve("cloud_01.ply")))), java.util.Map.of())
			.write(whole);
		final byte[] bytes = Files.readAllBytes(whole);
		Files.write(dir.resolve("truncated.h5"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
		Files.writeString(dir.resolve("repeated-angles.json"), "{\"scan\": {\"nx\": 4, \"ny\": 3, \"step_um\": 0.1}, \"angles_deg\": [0, 0], "
			+ "\"frames\": {\"format\": \"tiff\", \"files\": [\"a.tif\", \"b.tif\"]}}");
	}

	/** Each case: command, arguments (OUT is a fresh output folder), a word the message must hold. */
	private static List<String[]> cases() {
		final String d = dir.toString();
		final List<String[]> c = new ArrayList<>();
		c.add(new String[] { "Open Nanodiffraction Scan", "scan='" + d + "/folder'", "folder" });
		c.add(new String[] { "Open Nanodiffraction Scan", "scan='" + d + "/text.json'", "malformed JSON" });
		c.add(new String[] { "Open Nanodiffraction Scan", "scan='" + d + "/empty.json'", "missing" });
		c.add(new String[] { "Open Nanodiffraction Scan", "scan='" + d + "/missing-frames.json'", "a.tif" });
		c.add(new String[] { "Conventional Maps", "scan='" + d + "/missing-frames.json',output='OUT'", "a.tif" });
		c.add(new String[] { "Scan to Point Clouds", "scan='" + TINY + "',output='OUT',threshold='abc',align=false", "threshold" });
		c.add(new String[] { "Scan to Point Clouds", "scan='" + TINY + "',output='OUT',coordinates='q-lab',align=false,angle_scale=0", "angle_scale" });
		c.add(new String[] { "Extract Features", "clouds='" + d + "/not.h5',output='OUT'", "not.h5" });
		c.add(new String[] { "Extract Features", "clouds='" + d + "/plys',output='OUT'", "holds no points" });
		c.add(new String[] { "Extract Features", "clouds='" + INTEROP_CLOUDS + "',model='" + d + "/model-without-json',output='OUT'", "model.json" });
		c.add(new String[] { "Train Autoencoder", "clouds='" + d + "/plys',output='OUT',epochs=1", "holds no points" });
		c.add(new String[] { "Cluster Features", "features='" + d + "/missing.tif',output='OUT'", "missing.tif" });
		c.add(new String[] { "Cluster Features", "features='" + d + "/constant.csv',output='OUT'", "do not separate" });
		c.add(new String[] { "Cluster Features", "features='" + d + "/constant.csv',output='OUT',clusters='four'", "clusters" });
		c.add(new String[] { "Render Point Cloud", "clouds='" + d + "/missing'", "missing" });
		c.add(new String[] { "Denoise Point Clouds", "input='" + d + "/plys',output='" + d + "/plys',overwrite=true", "input folder" });
		c.add(new String[] { "Simulate Nanodiffraction Scan", "output='OUT',nx=-1", "nx" });
		c.add(new String[] { "Simulate Nanodiffraction Scan", "output='OUT',nx=536870927,ny=8", "scan points" });
		c.add(new String[] { "Bragg Cloud Pipeline", "scan='" + d + "/empty.json',output='OUT'", "missing" });
		c.add(new String[] { "Benchmark Autoencoder", "iterations=-1", "iterations" });
		c.add(new String[] { "Benchmark Autoencoder", "iterations=0", "iterations" });
		c.add(new String[] { "Benchmark Scan Streaming", "scan='" + TINY + "',passes=0", "passes" });
		c.add(new String[] { "Open Nanodiffraction Scan", "scan='" + d + "/repeated-angles.json'", "repeats" });
		c.add(new String[] { "Extract Features", "clouds='" + d + "/truncated.h5',output='OUT'", "truncated" });
		c.add(new String[] { "Extract Features", "clouds='" + INTEROP_CLOUDS + "',output='OUT',batch=0", "batch" });
		c.add(new String[] { "Train Autoencoder", "clouds='" + INTEROP_CLOUDS + "',output='OUT',learning_rate=-1", "learning_rate" });
		c.add(new String[] { "Scan to Point Clouds", "scan='" + TINY + "',output='OUT',threads=-4", "threads" });
		c.add(new String[] { "Scan to Point Clouds", "scan='" + TINY + "',output='OUT',clip=-1", "clip" });
		c.add(new String[] { "Cluster Features", "features='" + d + "/constant.csv',output='OUT',clusters=3.7", "whole number" });
		c.add(new String[] { "Cluster Features", "features='" + d + "/constant.csv',output='OUT',overwrite=ture", "true or false" });
		c.add(new String[] { "Cluster Features", "features='" + d + "/constant.csv',output='OUT',clusters=2,clusters=3", "twice" });
		c.add(new String[] { "Render Point Cloud", "clouds='" + INTEROP_CLOUDS + "',elevation='abc'", "elevation" });
		c.add(new String[] { "Render Point Cloud", "clouds='" + INTEROP_CLOUDS + "',elevation=NaN", "elevation" });
		c.add(new String[] { "Render Point Cloud", "clouds='" + INTEROP_CLOUDS + "',width=0", "width" });
		c.add(new String[] { "Bragg Cloud Batch", "scans='" + d + "/no-such-folder',output='OUT'", "no-such-folder" });
		c.add(new String[] { "Bragg Cloud Batch", "scans='" + d + "/plys',output='OUT'", "no scan.json" });
		c.add(new String[] { "Bragg Cloud Batch", "scans='" + TINY.getParent() + "',output='OUT',engine='spark'", "bragg-cloud-spark" });
		return c;
	}

	@Test
	void everyCaseIsAClearMessageWithoutAStackTraceOrOutputs() throws Exception {
		final List<String> failures = new ArrayList<>();
		int n = 0;
		for (final String[] c : cases()) {
			final Path out = dir.resolve("out-" + n++);
			final ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
			final int code = new BraggCloudLauncher(TestContext.shared(), new PrintStream(o, true, StandardCharsets.UTF_8),
				new PrintStream(e, true, StandardCharsets.UTF_8)).execute(new String[] { "--run", c[0], c[1].replace("OUT", out.toString()) });
			final String err = e.toString(StandardCharsets.UTF_8);
			final String what = c[0] + " " + c[1] + " -> exit " + code + ": " + err.trim();
			if (code == 0) failures.add("succeeded: " + what);
			else if (!err.contains(c[2])) failures.add("message lacks '" + c[2] + "': " + what);
			else if (err.contains("\tat ") || err.matches("(?s).*\\b(java|javax|io\\.jhdf|ai\\.djl)\\.[\\w.]*(Exception|Error)\\b.*"))
				failures.add("raw exception: " + what);
			else if (Files.exists(out)) failures.add("left an output folder: " + what);
		}
		assertTrue(failures.isEmpty(), String.join("\n", failures));
	}
}
