package org.braggcloud.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.ResultsTable;
import ij.process.FloatProcessor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.braggcloud.TestContext;
import org.braggcloud.clustering.AdjustedRandIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;

/** Cluster Features on a small feature image with four domains, and on a PLY-folder feature table. */
class ClusterFeaturesCommandTest {

	private static final int NX = 10, NY = 8, D = 16;
	@TempDir
	Path tmp;

	/** Quadrant of pixel (x, y): the true domain; column 0 is outside the mask. */
	private static int domain(final int x, final int y) {
		return (x < NX / 2 ? 0 : 1) + (y < NY / 2 ? 0 : 2);
	}

	private static float[][] centres() {
		final Random r = new Random(2);
		final float[][] c = new float[4][D];
		for (final float[] row : c)
			for (int f = 0; f < D; f++)
				row[f] = (float) (4 * r.nextGaussian());
		return c;
	}

	private Path featureImage(final boolean nanInside) {
		final float[][] c = centres();
		final Random r = new Random(3);
		final ImageStack stack = new ImageStack(NX, NY);
		for (int f = 0; f < D; f++) {
			final float[] plane = new float[NX * NY];
			for (int y = 0; y < NY; y++)
				for (int x = 0; x < NX; x++)
					plane[y * NX + x] = x == 0 ? Float.NaN : c[domain(x, y)][f] + (float) (0.3 * r.nextGaussian());
			stack.addSlice("f" + f, new FloatProcessor(NX, NY, plane));
		}
		if (nanInside) stack.getProcessor(5).setf(3, 3, Float.NaN);
		final ImagePlus imp = new ImagePlus("features", stack);
		imp.getCalibration().pixelWidth = 0.1;
		imp.getCalibration().pixelHeight = 0.1;
		imp.getCalibration().setUnit("um");
		final Path p = tmp.resolve(nanInside ? "bad/features.tif" : "features.tif");
		p.getParent().toFile().mkdirs();
		IJ.saveAsTiff(imp, p.toString());
		return p;
	}

	private CommandModule run(final Path features, final Path out, final Object... more) throws Exception {
		final List<Object> args = new ArrayList<>(List.of("features", features.toFile(), "output", out.toFile(), "k_max", 6, "seed", 3L));
		args.addAll(Arrays.asList(more));
		return TestContext.run(ClusterFeaturesCommand.class, args.toArray());
	}

	@Test
	void featureImageGivesAClusterMapOfTheFourDomains() throws Exception {
		final Path out = tmp.resolve("out");
		final CommandModule m = run(featureImage(false), out);
		assertFalse(m.isCanceled(), () -> String.valueOf(m.getCancelReason()));
		final ImagePlus map = IJ.openImage(out.resolve("clusters.tif").toString());
		assertEquals(16, map.getBitDepth());
		assertEquals(0.1, map.getCalibration().pixelWidth, 1e-9);
		final int[] truth = new int[NY * (NX - 1)], found = new int[truth.length];
		int i = 0;
		for (int y = 0; y < NY; y++)
			for (int x = 0; x < NX; x++) {
				final int v = map.getProcessor().get(x, y);
				if (x == 0) {
					assertEquals(0, v, "outside the mask");
					continue;
				}
				assertTrue(v >= 1 && v <= 4);
				truth[i] = domain(x, y);
				found[i++] = v;
			}
		assertEquals(1.0, AdjustedRandIndex.of(truth, found), 1e-12);
		final List<String> clusters = Files.readAllLines(out.resolve("clusters.csv"));
		assertEquals("cluster,pixels,area_um2", clusters.get(0));
		assertEquals(5, clusters.size());
		final String[] first = clusters.get(1).split(",");
		assertEquals(Integer.parseInt(first[1]) * 0.01, Double.parseDouble(first[2]), 1e-9);
		final List<String> count = Files.readAllLines(out.resolve("cluster_count.csv"));
		assertEquals("K,paper,silhouette,bic", count.get(0));
		assertEquals(7, count.size());
		final List<String> labels = Files.readAllLines(out.resolve("labels.csv"));
		assertEquals(1 + truth.length, labels.size());
		assertEquals("pixel_001_002," + map.getProcessor().get(1, 0), labels.get(1));
		assertTrue(Files.size(out.resolve("cluster_count.png")) > 1000);
		assertTrue(Files.size(out.resolve("embedding.png")) > 1000);
		final ImagePlus shown = (ImagePlus) m.getOutput("map");
		assertEquals(4, shown.getOverlay().size());
		assertEquals(4, ((ResultsTable) m.getOutput("table")).size());
		// The same features as CSV give the same labels.
		final Path csv = tmp.resolve("features.csv");
		final StringBuilder sb = new StringBuilder("name");
		for (int f = 0; f < D; f++)
			sb.append(",f").append(f);
		sb.append('\n');
		final ImagePlus stack = IJ.openImage(tmp.resolve("features.tif").toString());
		for (int y = 0; y < NY; y++)
			for (int x = 1; x < NX; x++) {
				sb.append(String.format("pixel_%03d_%03d", y + 1, x + 1));
				for (int f = 0; f < D; f++)
					sb.append(',').append(stack.getStack().getProcessor(f + 1).getf(x, y));
				sb.append('\n');
			}
		Files.writeString(csv, sb.toString());
		final Path out2 = tmp.resolve("out-csv");
		assertFalse(run(csv, out2).isCanceled());
		assertEquals(labels, Files.readAllLines(out2.resolve("labels.csv")));
		assertTrue(Files.readAllLines(out2.resolve("clusters.csv")).get(1).endsWith(",NaN"), "uncalibrated: no area");
	}

	@Test
	void plyFolderFeaturesGiveLabelsOnly() throws Exception {
		final float[][] c = centres();
		final Random r = new Random(4);
		final StringBuilder sb = new StringBuilder("name");
		for (int f = 0; f < D; f++)
			sb.append(",f").append(f);
		sb.append('\n');
		for (int i = 0; i < 30; i++) {
			sb.append("cloud_").append(i);
			for (int f = 0; f < D; f++)
				sb.append(',').append(c[i % 3][f] + 0.3 * r.nextGaussian());
			sb.append('\n');
		}
		final Path csv = tmp.resolve("features.csv");
		Files.writeString(csv, sb.toString());
		final Path out = tmp.resolve("o");
		final CommandModule m = run(csv, out, "clusters", 3, "method", "gmm");
		assertFalse(m.isCanceled(), () -> String.valueOf(m.getCancelReason()));
		assertFalse(Files.exists(out.resolve("clusters.tif")));
		assertFalse(Files.exists(out.resolve("cluster_count.csv")), "count given: no curves");
		final List<String> labels = Files.readAllLines(out.resolve("labels.csv"));
		assertEquals(31, labels.size());
		for (int i = 1; i <= 30; i++)
			assertEquals(labels.get(1 + (i - 1) % 3).split(",")[1], labels.get(i).split(",")[1]);
		assertNull(m.getOutput("map"));
	}

	@Test
	void badInputIsAClearErrorWithoutPartialOutputs() throws Exception {
		final Path good = featureImage(false);
		final Path out = tmp.resolve("none");
		CommandModule m = run(good, out, "clusters", 100);
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("features.tif") && m.getCancelReason().contains("only 72 pixels"), m.getCancelReason());
		assertFalse(Files.exists(out));

		m = run(featureImage(true), out);
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("x=3, y=3") && m.getCancelReason().contains("slice 5"), m.getCancelReason());
		assertFalse(Files.exists(out));

		final Path eight = tmp.resolve("eight.tif");
		IJ.saveAsTiff(IJ.createImage("e", "8-bit black", 4, 4, 3), eight.toString());
		m = run(eight, out);
		assertTrue(m.isCanceled() && m.getCancelReason().contains("8-bit"), m.getCancelReason());

		final Path ragged = tmp.resolve("ragged.csv");
		Files.writeString(ragged, "name,f0,f1\na,1,2\nb,3\n");
		m = run(ragged, out);
		assertTrue(m.isCanceled() && m.getCancelReason().contains("line 3"), m.getCancelReason());
		assertFalse(Files.exists(out));

		// features that cannot separate anything: said so, not two clusters with one empty
		final Path constant = tmp.resolve("constant.csv");
		Files.writeString(constant, "name,f0,f1\na,1,2\nb,1,2\nc,1,2\nd,1,2\n");
		m = run(constant, out);
		assertTrue(m.isCanceled() && m.getCancelReason().contains("constant.csv") && m.getCancelReason().contains("do not separate"),
			m.getCancelReason());
		final Path twoKinds = tmp.resolve("two.csv");
		Files.writeString(twoKinds, "name,f0,f1\na,1,2\nb,1,2\nc,5,6\nd,5,6\n");
		m = run(twoKinds, out, "clusters", 3);
		assertTrue(m.isCanceled() && m.getCancelReason().contains("do not separate into 3"), m.getCancelReason());
		assertFalse(Files.exists(out));
	}
}
