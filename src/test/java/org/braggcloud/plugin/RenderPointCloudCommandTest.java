package org.braggcloud.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.braggcloud.TestContext;
import org.braggcloud.cloud.PlyWriter;
import org.braggcloud.cloud.PointCloud;
import org.braggcloud.figures.RenderedImages;
import org.braggcloud.io.results.CloudContainer;
import org.braggcloud.cloud.PixelCloud;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;

/** Render Point Cloud through SciJava on small PLY folders. */
class RenderPointCloudCommandTest {

	@TempDir
	Path tmp;

	private CommandModule run(final Object... inputs) throws Exception {
		return TestContext.run(RenderPointCloudCommand.class, inputs);
	}

	private static PointCloud blob(final int n, final float shift) {
		final float[] xyz = new float[3 * n];
		final float[] v = new float[n];
		for (int i = 0; i < n; i++) {
			xyz[3 * i] = shift + (float) Math.cos(i) * 4;
			xyz[3 * i + 1] = (float) Math.sin(i * 1.3) * 3;
			xyz[3 * i + 2] = i % 7;
			v[i] = 1 + i % 11;
		}
		return PointCloud.of(xyz, v);
	}

	private Path folder(final String name, final float shift) throws Exception {
		final Path dir = Files.createDirectories(tmp.resolve(name));
		for (int k = 1; k <= 3; k++)
			PlyWriter.write(dir.resolve(String.format("pixel_001_%03d.ply", k)), blob(40 + k, shift + k));
		return dir;
	}

	@Test
	void rendersTheNamedCloudBesideItsComparisonAndSavesATiff() throws Exception {
		final Path raw = folder("raw", 0), denoised = folder("denoised", 0.5f);
		final Path recon = tmp.resolve("recon.ply");
		PlyWriter.write(recon, blob(30, 1));
		final Path out = tmp.resolve("views/render.tif");
		final CommandModule m = run("clouds", raw.toFile(), "cloud_name", "pixel_001_002", "compare_with", denoised + ", " + recon,
			"colour", "cloud", "frames", 6, "width", 96, "elevation", 30.0, "output", out.toFile());
		assertFalse(m.isCanceled(), () -> String.valueOf(m.getCancelReason()));
		final ImagePlus imp = (ImagePlus) m.getOutput("rendering");
		assertEquals(ImagePlus.COLOR_RGB, imp.getType());
		assertEquals(6, imp.getStackSize());
		assertEquals(3 * 96, imp.getWidth());
		assertEquals(96, imp.getHeight());
		assertEquals("azimuth 0\u00b0", imp.getStack().getSliceLabel(1));
		assertEquals("azimuth 60\u00b0", imp.getStack().getSliceLabel(2));
		final double scale = Double.parseDouble(imp.getProp(RenderedImages.UNITS_PER_PIXEL));
		assertTrue(scale > 0);
		assertEquals(scale, imp.getCalibration().pixelWidth, 1e-12);
		assertTrue(((String) imp.getProperty("Info")).contains("raw | denoised | recon.ply"), (String) imp.getProperty("Info"));
		final ImagePlus saved = IJ.openImage(out.toString());
		assertEquals(6, saved.getStackSize());
		assertEquals(scale, saved.getCalibration().pixelWidth, 1e-6 * scale, "TIFF keeps the scale as a rational");
		try (Stream<Path> s = Files.list(out.getParent())) {
			assertEquals(1, s.count(), "the staged file is renamed, nothing else is left");
		}
		// an existing file is kept unless the user says to replace it
		final byte[] first = Files.readAllBytes(out);
		final CommandModule again = run("clouds", raw.toFile(), "cloud_name", "pixel_001_002", "frames", 2, "width", 96, "output", out.toFile());
		assertTrue(again.isCanceled() && again.getCancelReason().contains("already exists") && again.getCancelReason().contains("overwrite=true"),
			String.valueOf(again.getCancelReason()));
		assertTrue(java.util.Arrays.equals(first, Files.readAllBytes(out)), "the existing file is untouched");
		final CommandModule replaced = run("clouds", raw.toFile(), "cloud_name", "pixel_001_002", "frames", 2, "width", 96, "output", out.toFile(),
			"overwrite", true);
		assertFalse(replaced.isCanceled(), () -> String.valueOf(replaced.getCancelReason()));
		assertEquals(2, IJ.openImage(out.toString()).getStackSize());
	}

	@Test
	void readsAContainerByPixelName() throws Exception {
		final Path h5 = tmp.resolve("clouds.h5");
		new CloudContainer(4, 3, List.of(new PixelCloud(1, 0, blob(20, 0)), new PixelCloud(2, 1, blob(25, 3))), Map.of()).write(h5);
		final CommandModule m = run("clouds", h5.toFile(), "cloud_name", "pixel_002_003", "colour", "log intensity", "frames", 3, "width", 64);
		assertFalse(m.isCanceled(), () -> String.valueOf(m.getCancelReason()));
		final ImagePlus imp = (ImagePlus) m.getOutput("rendering");
		assertEquals("pixel_002_003 render", imp.getTitle());
		assertEquals(3, imp.getStackSize());
		final CommandModule missing = run("clouds", h5.toFile(), "cloud_name", "pixel_003_003", "frames", 3, "width", 64);
		assertTrue(missing.isCanceled());
		assertTrue(missing.getCancelReason().contains("available: pixel_001_002, pixel_002_003"), missing.getCancelReason());
	}

	@Test
	void emptyNameTakesTheFirstCloud() throws Exception {
		final CommandModule m = run("clouds", folder("raw", 0).toFile(), "frames", 2, "width", 64);
		assertFalse(m.isCanceled(), () -> String.valueOf(m.getCancelReason()));
		assertEquals("pixel_001_001 render", ((ImagePlus) m.getOutput("rendering")).getTitle());
	}

	@Test
	void aMissingCloudNameListsTheAvailableOnes() throws Exception {
		final CommandModule m = run("clouds", folder("raw", 0).toFile(), "cloud_name", "pixel_009_009", "frames", 2, "width", 64);
		assertTrue(m.isCanceled());
		final String why = m.getCancelReason();
		assertTrue(why.contains("pixel_009_009") && why.contains("available: pixel_001_001, pixel_001_002, pixel_001_003"), why);
	}
}
