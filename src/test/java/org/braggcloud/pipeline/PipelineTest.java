package org.braggcloud.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.braggcloud.analysis.SimulatedScans;
import org.braggcloud.benchmark.SegmentationScore;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.io.scan.ScanLayout;
import org.braggcloud.report.HeadlessBrowser;
import org.braggcloud.simulation.SampleModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a small simulated scan with drift (24 x 18 points, four domains of
 * single, split and streaked peaks), judged against the simulator's true domains.
 */
class PipelineTest {

	/** The shipped model gives ARI 0.751 on this scan (README, "The shipped FoldingNet"); the bar leaves room for retraining noise. */
	private static final double SHIPPED_ARI_BAR = 0.6;

	@TempDir
	static Path dir;

	private static SampleModel model;
	private static Path scan;

	@BeforeAll
	static void simulate() throws IOException {
		model = SimulatedScans.model(21, 1.0, 24, 18);
		scan = SimulatedScans.write(model, 21, dir.resolve("scan"), ScanLayout.TIFF_FRAMES);
	}

	private static PipelineOptions options(final FeatureKind features, final int clusters) {
		return new PipelineOptions(clusters, true, features, null, 1, 128, 8, 1, 2, false);
	}

	private static PipelineResult run(final PipelineOptions options, final Path output) throws IOException {
		try (OutputFolder out = OutputFolder.create(output, false, "output")) {
			return new Pipeline(options).run(scan, out);
		}
	}

	@Test
	void descriptorsFindTheTrueDomainsAndEveryOutputIsWritten() throws Exception {
		final Path out = dir.resolve("descriptors");
		final PipelineResult r = run(options(FeatureKind.DESCRIPTORS, 4), out);
		assertEquals(4, r.k());
		final double ari = ari(r.labels());
		System.out.printf("pipeline (descriptors, K = 4) on 24 x 18: ARI %.3f, mask IoU %.3f%n", ari, maskIoU(r.mask()));
		assertTrue(ari >= 0.8, "adjusted Rand index " + ari);
		assertTrue(maskIoU(r.mask()) >= 0.9, "mask IoU " + maskIoU(r.mask()));
		for (final String f : new String[] { "mask.tif", "clusters.tif", "features.tif", "features.csv", "maps/strain.tif",
			"maps/maps.csv", "clouds/clouds.h5", "clusters.csv", "labels.csv", "embedding.png", "rocking_curves.png",
			"patterns.png", "clouds.png", "clusters.png", "maps.png", "report.html", "shifts.csv" })
			assertTrue(Files.isRegularFile(out.resolve(f)), f);
		final ImagePlus clusters = IJ.openImage(out.resolve("clusters.tif").toString());
		assertEquals(24, clusters.getWidth());
		assertEquals(18, clusters.getHeight());
		assertEquals(0.1, clusters.getCalibration().pixelWidth, 1e-9);
		assertEquals(4, (int) clusters.getProcessor().getStatistics().max);
		final String csv = Files.readString(out.resolve("clusters.csv"));
		assertTrue(csv.startsWith("cluster,pixels,area_um2,"), csv);
		assertTrue(csv.contains("strain"), "per-cluster means of the conventional maps: " + csv);
		assertNoStaging(out);
		final java.util.Map<String, String> page = HeadlessBrowser.bodyAfterLoad(out.resolve("report.html"));
		assertEquals("ok", page.get("data-check"), "report.html in chromium: " + page);
		assertTrue(Integer.parseInt(page.get("data-images")) >= 6, page.toString());
		final String report = Files.readString(out.resolve("report.html"));
		assertFalse(report.contains("<th>model</th>"), "descriptor features list no network settings");
	}

	/** The held-out size of the issue: 40 x 30 points, HDF5, drift up to 1.5 px; the count chosen by the pipeline. */
	@Test
	void automaticCountOnAFullSizeHdf5ScanWithDrift() throws IOException {
		final SampleModel full = SimulatedScans.model(50, 1.5);
		final Path fullScan = SimulatedScans.write(full, 50, dir.resolve("full-scan"), ScanLayout.HDF5);
		final PipelineResult r;
		try (OutputFolder out = OutputFolder.create(dir.resolve("automatic"), false, "output")) {
			r = new Pipeline(options(FeatureKind.DESCRIPTORS, 0)).run(fullScan, out);
		}
		final double ari = ari(r.labels(), full);
		System.out.printf("pipeline (descriptors, automatic K = %d) on 40 x 30 HDF5 with drift: ARI %.3f, mask IoU %.3f%n", r.k(), ari,
			maskIoU(r.mask(), full));
		assertTrue(ari >= 0.8, "adjusted Rand index " + ari + " with K = " + r.k());
		assertTrue(maskIoU(r.mask(), full) >= 0.9);
		assertFalse(r.curves().isEmpty());
	}

	/** FoldingNet features by default come from the shipped model, encoder only: nothing is trained. */
	@Test
	void shippedModelGivesFoldingNetFeaturesWithoutTraining() throws IOException {
		final Path out = dir.resolve("foldingnet");
		final PipelineResult r = run(new PipelineOptions(4, true, FeatureKind.FOLDINGNET, null, 0, 512, 16, 1, 2, false), out);
		assertEquals(4, r.k());
		assertTrue(r.seconds().containsKey(PipelineStep.LOAD));
		assertFalse(Files.exists(out.resolve("model")), "nothing trained, no model written");
		for (final String f : new String[] { "features.tif", "report.html", "clouds.png" })
			assertTrue(Files.isRegularFile(out.resolve(f)), f);
		assertTrue(Files.readString(out.resolve("report.html")).contains("<th>model</th><td>the shipped model</td>"),
			"the report names the network that made the features");
		// the codeword, then the cloud's centroid and spread, which the normalised codeword cannot hold
		assertEquals(518, IJ.openImage(out.resolve("features.tif").toString()).getStackSize());
		assertTrue(Files.readAllLines(out.resolve("features.csv")).get(0).endsWith(",f511,centroid_x,centroid_y,centroid_z,spread_x,spread_y,spread_z"));
		final double ari = ari(r.labels());
		System.out.printf("pipeline (shipped FoldingNet, K = 4) on 24 x 18: ARI %.3f%n", ari);
		assertTrue(ari > SHIPPED_ARI_BAR, "adjusted Rand index " + ari);
		assertNoStaging(out);
	}

	/** With epochs the shipped model is fine-tuned on the scan first: a model is written and the codewords move. */
	@Test
	void epochsFineTuneTheShippedModel() throws IOException {
		final PipelineResult shipped = run(new PipelineOptions(4, true, FeatureKind.FOLDINGNET, null, 0, 512, 16, 1, 2, false),
			dir.resolve("shipped"));
		final Path out = dir.resolve("fine-tuned");
		final PipelineResult tuned = run(new PipelineOptions(4, true, FeatureKind.FOLDINGNET, null, 2, 512, 16, 1, 2, false), out);
		assertTrue(tuned.seconds().containsKey(PipelineStep.TRAIN));
		assertEquals(3, Files.readAllLines(out.resolve("model/loss.csv")).size(), "two epochs");
		assertTrue(Files.readString(out.resolve("model/model.json")).contains("\"fine_tuned_from\""));
		final List<String> before = Files.readAllLines(dir.resolve("shipped/features.csv"));
		final List<String> after = Files.readAllLines(out.resolve("features.csv"));
		assertEquals(before.size(), after.size());
		double change = 0, scale = 0;
		for (int i = 1; i < before.size(); i++) {
			final String[] a = before.get(i).split(","), b = after.get(i).split(",");
			for (int f = 1; f <= 512; f++) {
				change = Math.max(change, Math.abs(Double.parseDouble(a[f]) - Double.parseDouble(b[f])));
				scale = Math.max(scale, Math.abs(Double.parseDouble(a[f])));
			}
		}
		assertTrue(change > 1e-3 * scale, "codewords moved by " + change + " of " + scale);
		assertNoStaging(out);
	}

	@Test
	void aFailedStepNamesItselfAndLeavesTheEarlierStepsIntact() throws IOException {
		final Path out = dir.resolve("failed");
		final PipelineOptions bad = new PipelineOptions(0, true, FeatureKind.FOLDINGNET, dir.resolve("no-such-model"), 1, 128, 8, 1,
			2, false);
		final PipelineException e = assertThrows(PipelineException.class, () -> run(bad, out));
		assertEquals(PipelineStep.LOAD, e.step());
		assertTrue(e.getMessage().contains("load the autoencoder") && e.getMessage().contains("no-such-model"), e.getMessage());
		assertTrue(Files.isRegularFile(out.resolve("maps/strain.tif")));
		assertTrue(Files.isRegularFile(out.resolve("clouds/clouds.h5")));
		assertTrue(Files.isRegularFile(out.resolve("mask.tif")));
		assertFalse(Files.exists(out.resolve("features.tif")));
		assertFalse(Files.exists(out.resolve("report.html")));
		assertNoStaging(out);
	}

	@Test
	void moreClustersThanPixelsIsRefusedAtTheClusterStep() throws IOException {
		final Path out = dir.resolve("too-many");
		final PipelineException e = assertThrows(PipelineException.class,
			() -> run(options(FeatureKind.DESCRIPTORS, 100000), out));
		assertEquals(PipelineStep.CLUSTERS, e.step());
		assertTrue(e.getMessage().contains("clusters=100000"), e.getMessage());
		assertTrue(Files.isRegularFile(out.resolve("features.tif")));
		assertFalse(Files.exists(out.resolve("clusters.tif")));
	}

	static double ari(final int[] labels) {
		return ari(labels, model);
	}

	static double ari(final int[] labels, final SampleModel model) {
		return SegmentationScore.adjustedRandIndex(model.truth().labels(), labels);
	}

	static double maskIoU(final boolean[] mask) {
		return maskIoU(mask, model);
	}

	static double maskIoU(final boolean[] mask, final SampleModel model) {
		return SegmentationScore.maskIoU(mask, model.truth().labels());
	}

	static void assertNoStaging(final Path out) throws IOException {
		try (Stream<Path> s = Files.list(out)) {
			assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".bragg-cloud-staging")), "staging left in " + out);
		}
	}
}
