package org.braggcloud.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.braggcloud.analysis.SimulatedScans;
import org.braggcloud.cloud.PointCloud;
import org.braggcloud.clustering.ClusterAnalysis.Criterion;
import org.braggcloud.io.results.CloudContainer;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.cloud.PixelCloud;
import org.braggcloud.io.scan.ScanLayout;
import org.braggcloud.network.checkpoint.NpyArray;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paper's preset through the whole pipeline, driven by a checkpoint of the paper's own code:
 * its codewords must be those the paper's network structure (PyTorch) computes from the same
 * clouds, and every other choice must be the paper's.
 * <p>
 * The expected codewords in {@code test-images/interop/paper-preset/} were computed by
 * {@code scripts/reference/paper_codewords.py} from this test's clouds.h5. When a change to the
 * simulator or the cloud step changes those clouds, rerun this test with
 * {@code -Dpaper.preset.clouds=/tmp/clouds.h5} and then the script (README there).
 */
class PaperPresetTest {

	private static final Path INTEROP = Path.of("test-images/interop").toAbsolutePath();

	@TempDir
	static Path dir;

	private static PipelineResult result;
	private static Path out;

	@BeforeAll
	static void run() throws IOException {
		final Path scan = SimulatedScans.write(SimulatedScans.model(5, 1.0, 12, 9), 5, dir.resolve("scan"), ScanLayout.TIFF_FRAMES);
		final PipelineOptions options = new PipelineOptions(0, true, FeatureKind.DESCRIPTORS,
			INTEROP.resolve("foldingnet-paper-seed1/model.pkl"), 1, 512, 16, 1, 2, false).withPreset(Preset.PAPER);
		out = dir.resolve("out");
		try (OutputFolder folder = OutputFolder.create(out, false, "output")) {
			result = new Pipeline(options).run(scan, folder);
		}
		final String dump = System.getProperty("paper.preset.clouds");
		if (dump != null) Files.copy(out.resolve("clouds/clouds.h5"), Path.of(dump), StandardCopyOption.REPLACE_EXISTING);
	}

	@Test
	void cloudsAreThePapersTwoThousandPointsInItsOneBasedFrame() throws IOException {
		final CloudContainer c = CloudContainer.read(out.resolve("clouds/clouds.h5"));
		assertFalse(c.clouds().isEmpty());
		assertTrue(c.settings().get("coordinates").startsWith("paper"), c.settings().toString());
		double minZ = Double.POSITIVE_INFINITY, minXY = Double.POSITIVE_INFINITY;
		for (final PixelCloud p : c.clouds()) {
			final PointCloud cloud = p.cloud();
			assertEquals(2048, cloud.size());
			for (int i = 0; i < cloud.size(); i++) {
				minXY = Math.min(minXY, Math.min(cloud.x(i), cloud.y(i)));
				minZ = Math.min(minZ, cloud.z(i));
			}
		}
		// 1-based detector indices, and 10 x a 1-based angle index
		assertTrue(minXY >= 1, "smallest row or column " + minXY);
		assertTrue(minZ >= 10, "smallest 10 x angle " + minZ);
	}

	@Test
	void codewordsAreThoseOfThePapersNetworkOnTheSameClouds() throws IOException {
		final Path reference = INTEROP.resolve("paper-preset");
		final NpyArray expected = NpyArray.read(reference.resolve("expected_features.npy"));
		final List<String> pixels = Files.readAllLines(reference.resolve("expected_features.names.txt"));
		final List<String> csv = Files.readAllLines(out.resolve("features.csv"));
		assertEquals(pixels.size() + 1, csv.size(), "clouds of the pipeline against the reference's: regenerate it (see class comment)");
		final CloudContainer c = CloudContainer.read(out.resolve("clouds/clouds.h5"));
		final java.util.Map<String, Integer> rowOf = new java.util.HashMap<>();
		for (int i = 0; i < c.clouds().size(); i++) {
			final PixelCloud p = c.clouds().get(i);
			rowOf.put(PixelCloud.name(p.x(), p.y(), c.nx(), c.ny()), i);
		}
		double maxAbs = 0, maxErr = 0;
		for (int r = 1; r < csv.size(); r++) {
			final String[] row = csv.get(r).split(",");
			final int i = rowOf.get(row[0]);
			final PixelCloud p = c.clouds().get(i);
			assertEquals(pixels.get(i), p.x() + "," + p.y());
			for (int f = 0; f < 512; f++) {
				final double e = expected.data()[i * 512 + f];
				maxAbs = Math.max(maxAbs, Math.abs(e));
				maxErr = Math.max(maxErr, Math.abs(Double.parseDouble(row[f + 1]) - e));
			}
		}
		System.out.printf("paper preset: %d codewords, largest error %.3g of %.3g%n", csv.size() - 1, maxErr, maxAbs);
		assertTrue(maxErr / maxAbs < 1e-4, "relative error " + maxErr / maxAbs);
	}

	@Test
	void theCountIsThePapersRuleAndTheStepSaysItLoaded() throws IOException {
		assertTrue(result.seconds().containsKey(PipelineStep.LOAD));
		assertFalse(result.seconds().containsKey(PipelineStep.TRAIN));
		final String counts = Files.readString(out.resolve("cluster_count.csv"));
		assertTrue(counts.contains("paper"), counts);
		assertEquals(Criterion.PAPER, PipelineOptions.defaults().withPreset(Preset.PAPER).countCriterion());
		assertTrue(Files.readString(out.resolve("report.html")).contains("paper"));
	}
}
