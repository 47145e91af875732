package org.braggcloud.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.braggcloud.io.ScanOpener;
import org.braggcloud.scan.RockingScan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;

/** The demo on the bundled sample, and the sample against its own ground truth. */
class DemoTest {

	@TempDir
	Path tmp;

	@Test
	void demoWritesTheOverviewOfTheBundledSample() throws Exception {
		final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		System.setProperty("braggcloud.home", Path.of("").toAbsolutePath().toString());
		final Context context = new Context();
		try {
			final int status = new BraggCloudLauncher(context, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8)).execute(new String[] { "demo", tmp.resolve("demo").toString() });
			assertEquals(0, status, err::toString);
		}
		finally {
			context.dispose();
		}
		assertTrue(out.toString(StandardCharsets.UTF_8).contains("Results in " + tmp.resolve("demo")));
		for (final String result : new String[] { "maps/strain.tif", "maps/centroid_row.tif", "maps.csv", "shifts.csv", "clouds.h5", "mask.tif" })
			assertTrue(java.nio.file.Files.isRegularFile(tmp.resolve("demo").resolve(result)), result);
		final ImagePlus intensity = IJ.openImage(tmp.resolve("demo/intensity.tif").toString());
		final ImagePlus thickness = IJ.openImage("test-images/sample/truth/thickness.tif");
		assertEquals(40, intensity.getWidth());
		assertEquals(30, intensity.getHeight());
		// Above the level outside the particle (background and hot pixels), each pixel carries its
		// peak: 20000 integrated counts (the simulator's default) times its thickness.
		double inside = 0, outside = 0, thick = 0;
		int nIn = 0, nOut = 0;
		for (int i = 0; i < 1200; i++) {
			final float t = thickness.getProcessor().getf(i);
			if (t > 0.5) { inside += intensity.getProcessor().getf(i); thick += t; nIn++; }
			else if (t == 0) { outside += intensity.getProcessor().getf(i); nOut++; }
		}
		assertTrue(nIn > 100 && nOut > 100);
		final double excess = inside / nIn - outside / nOut, expected = 20000 * thick / nIn;
		assertEquals(expected, excess, 0.1 * expected, "mean peak counts inside the particle");
	}

	@Test
	void everyBundledScanOpens() throws Exception {
		for (final String name : new String[] { "sample", "tiny-tiff-frames", "tiny-tiff-columns" }) {
			try (RockingScan scan = ScanOpener.open(Path.of("test-images", name, "scan.json"))) {
				assertTrue(scan.grid().pointCount() > 0);
				assertTrue(scan.volume(scan.grid().nx() / 2, scan.grid().ny() / 2).dimension(2) == scan.angleCount());
			}
		}
	}
}
