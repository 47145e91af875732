package org.braggcloud.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.braggcloud.TestContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scijava.command.CommandModule;

/**
 * Scans written by the Python tools beamlines use (h5py: gzip, shuffle, lzf, contiguous;
 * tifffile: zlib-compressed and plain pages, both page orders), opened through the command and
 * compared with sums computed by numpy. Needs Debian's python3-h5py and python3-tifffile, which
 * {@code scripts/bragg-cloud test} installs.
 */
class PythonWrittenScansTest {

	private static final Path PYTHON = Path.of("/usr/bin/python3");
	private static Path scans;
	@BeforeAll
	static void writeScans() throws Exception {
		assertTrue(Files.isExecutable(PYTHON), "Debian's python3 with python3-h5py and python3-tifffile is needed: run scripts/bragg-cloud test, which installs them");
		scans = Files.createTempDirectory("bragg-cloud-python-scans");
		final Path script = Path.of("src/test/resources/interop/write_heldout_scans.py").toAbsolutePath();
		final Process p = new ProcessBuilder(PYTHON.toString(), script.toString(), scans.toString()).redirectErrorStream(true).start();
		final String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python timed out");
		assertEquals(0, p.exitValue(), () -> "writing scans with h5py/tifffile failed (are python3-h5py and python3-tifffile installed?):\n" + log);
	}

	@AfterAll
	static void cleanUp() throws IOException {
		if (scans != null) org.braggcloud.io.OutputFolder.deleteTree(scans);
	}

	@ParameterizedTest
	@ValueSource(strings = { "tifffile-frames-zlib", "tifffile-frames-uint32", "tifffile-columns-float32", "h5py-gzip-shuffle-uint32",
		"h5py-lzf-uint16", "h5py-contiguous-int32", "h5py-gzip-float32" })
	void overviewEqualsNumpySums(final String name) throws Exception {
		final Path dir = scans.resolve(name);
		final CommandModule m = TestContext.run(OpenScanCommand.class, "scan", dir.resolve("scan.json").toFile());
		assertFalse(m.isCanceled(), () -> String.valueOf(m.getCancelReason()));
		final ImagePlus intensity = (ImagePlus) m.getOutput("intensity");
		final ImagePlus pattern = (ImagePlus) m.getOutput("mean_pattern");
		assertEquals(9, intensity.getWidth());
		assertEquals(7, intensity.getHeight());
		assertEquals(17, pattern.getWidth());
		assertEquals(20, pattern.getHeight());
		final double[] sums = readF64(dir.resolve("expected_intensity.f64"));
		final double[] mean = readF64(dir.resolve("expected_mean_pattern.f64"));
		for (int i = 0; i < sums.length; i++)
			assertEquals(sums[i], intensity.getProcessor().getf(i), sums[i] * 1e-7, name + " intensity at " + i);
		for (int i = 0; i < mean.length; i++)
			assertEquals(mean[i], pattern.getProcessor().getf(i), Math.max(1e-5, mean[i] * 1e-6), name + " mean pattern at " + i);
	}

	private static double[] readF64(final Path file) throws IOException {
		final ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
		final double[] v = new double[b.remaining() / 8];
		b.asDoubleBuffer().get(v);
		return v;
	}

}
