package org.braggcloud.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ImageProcessor;

import org.braggcloud.clustering.AdjustedRandIndex;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.braggcloud.io.scan.ScanOpener;
import org.braggcloud.scan.RockingScan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;

/** The demo on the bundled sample, and the sample against its own ground truth. */
class DemoTest {

	@TempDir
	Path tmp;

	@Test
	void demoRunsThePipelineAndFindsTheSamplesDomains() throws Exception {
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
		for (final String result : new String[] { "report.html", "clusters.tif", "clusters.csv", "maps/strain.tif", "maps/maps.csv",
			"shifts.csv", "clouds/clouds.h5", "mask.tif", "features.tif" })
			assertTrue(java.nio.file.Files.isRegularFile(tmp.resolve("demo").resolve(result)), result);
		// the sample was simulated with four domains; its truth ships beside it
		final ImageProcessor truth = IJ.openImage("test-images/sample/truth/labels.tif").getProcessor();
		final ImageProcessor clusters = IJ.openImage(tmp.resolve("demo/clusters.tif").toString()).getProcessor();
		final ImageProcessor mask = IJ.openImage(tmp.resolve("demo/mask.tif").toString()).getProcessor();
		assertEquals(40, clusters.getWidth());
		assertEquals(30, clusters.getHeight());
		final java.util.List<int[]> pairs = new java.util.ArrayList<>();
		int inter = 0, union = 0;
		for (int i = 0; i < 1200; i++) {
			if (truth.get(i) > 0 && clusters.get(i) > 0) pairs.add(new int[] { truth.get(i), clusters.get(i) });
			if (truth.get(i) > 0 && mask.get(i) > 0) inter++;
			if (truth.get(i) > 0 || mask.get(i) > 0) union++;
		}
		final int[] a = pairs.stream().mapToInt(p -> p[0]).toArray();
		final int[] b = pairs.stream().mapToInt(p -> p[1]).toArray();
		final double ari = AdjustedRandIndex.of(a, b);
		System.out.printf("demo on the bundled sample: %d clusters, ARI %.3f, mask IoU %.3f%n", (int) clusters.getStatistics().max, ari,
			(double) inter / union);
		assertTrue(ari >= 0.8, "adjusted Rand index " + ari);
		assertTrue((double) inter / union >= 0.9, "mask IoU " + (double) inter / union);
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
