package org.braggcloud.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.braggcloud.TestContext;
import org.braggcloud.cloud.PlyReader;
import org.braggcloud.cloud.PointCloud;
import org.braggcloud.io.results.CloudContainer;
import org.braggcloud.cloud.PixelCloud;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;

/** Scan to Point Clouds and Denoise Point Clouds through SciJava, on a bundled tiny scan. */
class PointCloudCommandsTest {

	private static final Path TINY = Path.of("test-images/tiny-tiff-frames/scan.json").toAbsolutePath();

	@TempDir
	Path tmp;

	private CommandModule run(final Class<? extends org.scijava.command.Command> command, final Object... inputs) throws Exception {
		return TestContext.run(command, inputs);
	}

	private static List<Path> plys(final Path dir) throws Exception {
		try (Stream<Path> s = Files.list(dir)) {
			return s.filter(p -> p.toString().endsWith(".ply")).sorted().toList();
		}
	}

	@Test
	void writesOnePlyPerPixelAndAContainerWithTheSameClouds() throws Exception {
		final Path out = tmp.resolve("clouds");
		final CommandModule m = run(ScanToCloudsCommand.class, "scan", TINY.toFile(), "output", out.toFile(), "denoise", "none", "threshold", "2",
			"ply_format", "ascii", "align", false);
		assertFalse(m.isCanceled(), () -> String.valueOf(m.getCancelReason()));
		final List<Path> files = plys(out.resolve("clouds/ply"));
		final CloudContainer container = CloudContainer.read(out.resolve("clouds/clouds.h5"));
		assertEquals(files.size(), container.clouds().size());
		assertTrue(files.size() > 5);
		assertEquals("2.0", container.settings().get("threshold"));
		for (final PixelCloud c : container.clouds()) {
			final Path ply = out.resolve("clouds/ply").resolve(PixelCloud.name(c.x(), c.y(), 8, 6) + ".ply");
			assertTrue(Files.readString(ply).startsWith("ply\nformat ascii 1.0"), ply.toString());
			final PointCloud fromPly = PlyReader.read(ply);
			assertArrayEquals(c.cloud().positions(), fromPly.positions(), 0f);
			assertArrayEquals(c.cloud().values(), fromPly.values(), 0f);
		}
		assertTrue(Files.isRegularFile(out.resolve("mask.tif")));
	}

	@Test
	void resamplesToTheAskedSizeAndDenoisesAFolder() throws Exception {
		final Path out = tmp.resolve("c");
		assertFalse(run(ScanToCloudsCommand.class, "scan", TINY.toFile(), "output", out.toFile(), "denoise", "outliers", "points", 64, "align", false).isCanceled());
		for (final Path p : plys(out.resolve("clouds/ply")))
			assertEquals(64, PlyReader.read(p).size(), p.toString());
		final Path denoised = tmp.resolve("d");
		final CommandModule m = run(DenoiseCloudsCommand.class, "input", out.resolve("clouds/ply").toFile(), "output", denoised.toFile(), "denoise", "paper");
		assertFalse(m.isCanceled(), () -> String.valueOf(m.getCancelReason()));
		assertEquals(plys(out.resolve("clouds/ply")).stream().map(p -> p.getFileName().toString()).toList(),
			plys(denoised).stream().map(p -> p.getFileName().toString()).toList());
	}

	@Test
	void denoisingIntoItsOwnInputIsRefusedAndTheInputKept() throws Exception {
		final Path out = tmp.resolve("clouds");
		assertFalse(run(ScanToCloudsCommand.class, "scan", TINY.toFile(), "output", out.toFile(), "denoise", "none", "align", false).isCanceled());
		final Path ply = out.resolve("clouds/ply");
		final List<Path> before = plys(ply);
		for (final Path target : new Path[] { ply, out.resolve("clouds") }) {
			final CommandModule m = run(DenoiseCloudsCommand.class, "input", ply.toFile(), "output", target.toFile(), "overwrite", true);
			assertTrue(m.isCanceled() && m.getCancelReason().contains("input folder"), String.valueOf(m.getCancelReason()));
		}
		assertEquals(before, plys(ply));
	}

	@Test
	void aBadPlyIsNamedAndNothingIsWritten() throws Exception {
		final Path in = tmp.resolve("in");
		Files.createDirectories(in);
		Files.writeString(in.resolve("pixel_001_001.ply"), "ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\nproperty float y\nproperty float z\nend_header\n1 2 3\n");
		Files.writeString(in.resolve("pixel_001_002.ply"), "this is not a ply file\n");
		final Path out = tmp.resolve("out");
		final CommandModule m = run(DenoiseCloudsCommand.class, "input", in.toFile(), "output", out.toFile());
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("pixel_001_002.ply"), m.getCancelReason());
		assertFalse(Files.exists(out));
	}

	@Test
	void badParametersSayWhatIsAllowed() throws Exception {
		final CommandModule t = run(ScanToCloudsCommand.class, "scan", TINY.toFile(), "output", tmp.resolve("t").toFile(), "threshold", "lots");
		assertTrue(t.isCanceled());
		assertTrue(t.getCancelReason().contains("'auto' or a number"), t.getCancelReason());
		final CommandModule d = run(ScanToCloudsCommand.class, "scan", TINY.toFile(), "output", tmp.resolve("u").toFile(), "denoise", "magic");
		assertTrue(d.isCanceled());
		// refused by the input check every way of starting a command shares, before the command runs
		assertTrue(d.getCancelReason().contains("parameter 'denoise': 'magic' is not one of 'paper', 'none', 'outliers', 'lpa-ici'"),
			d.getCancelReason());
		assertFalse(Files.exists(tmp.resolve("t")));
	}
}
