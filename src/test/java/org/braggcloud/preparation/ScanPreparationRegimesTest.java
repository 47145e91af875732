package org.braggcloud.preparation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.braggcloud.analysis.SimulatedScans;
import org.braggcloud.benchmark.SegmentationScore;
import org.braggcloud.correction.NoParticleException;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.io.scan.ScanLayout;
import org.braggcloud.io.scan.ScanOpener;
import org.braggcloud.pipeline.Pipeline;
import org.braggcloud.pipeline.PipelineException;
import org.braggcloud.pipeline.PipelineOptions;
import org.braggcloud.scan.RockingScan;
import org.braggcloud.simulation.PeakStyle;
import org.braggcloud.simulation.SampleModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The particle mask across the regimes real beamlines give: weak peaks over strong background,
 * fluorescence on the particle, a wide ROI, dead columns and hot pixels, both peak styles. The
 * mask is judged against the simulator's particle; the old rule (a split of integrated
 * intensity) covered the whole scan in most of these.
 */
class ScanPreparationRegimesTest {

	@TempDir
	Path dir;

	private Path write(final SampleModel model, final String name) throws IOException {
		return SimulatedScans.write(model, 5, dir.resolve(name), ScanLayout.TIFF_FRAMES);
	}

	private static SampleModel.Builder regime(final String style, final double peakMax, final double flat, final double fluorescence,
		final int roi, final int nx, final int ny)
	{
		return SampleModel.builder().nx(nx).ny(ny).detectorRows(roi).detectorColumns(roi).anglesDeg(SimulatedScans.angles(roi > 64 ? 21 : 15))
			.domains(4).peakStyle(PeakStyle.valueOf(style)).peakMaximum(peakMax).backgroundCounts(flat).fluorescenceCounts(fluorescence)
			.deadColumns(2).hotPixels(3).seed(5);
	}

	@ParameterizedTest(name = "{0} peaks of {1} over {2} flat + {3} fluorescence, ROI {4}")
	@CsvSource({
		"BLOB, 10, 1, 0, 48, 24, 18",
		"BLOB, 200, 0.01, 0, 48, 24, 18",
		"FACETED, 30, 0.1, 0, 48, 24, 18",
		"FACETED, 20, 0.2, 2, 48, 24, 18",
		"BLOB, 60, 0.6, 0, 128, 16, 12" })
	void maskMatchesTheParticle(final String style, final double peakMax, final double flat, final double fluorescence, final int roi,
		final int nx, final int ny) throws Exception
	{
		final SampleModel model = regime(style, peakMax, flat, fluorescence, roi, nx, ny).build();
		try (RockingScan scan = ScanOpener.open(write(model, "scan"))) {
			final PreparedScan p = new ScanPreparation().align(false).threads(2).prepare(scan);
			final double iou = SegmentationScore.maskIoU(p.mask(), model.truth().labels());
			System.out.printf("%s %s/%s+%s ROI %d: mask IoU %.3f%n", style, peakMax, flat, fluorescence, roi, iou);
			assertTrue(iou >= 0.9, "mask IoU " + iou);
			if (fluorescence > 0) {
				// The background level follows the particle: higher at its centre than off it.
				final int centre = (ny / 2) * nx + nx / 2;
				assertTrue(p.background().level(centre) > 2 * p.background().level(0),
					"level at centre " + p.background().level(centre) + ", at the corner " + p.background().level(0));
			}
		}
	}

	@Test
	void aScanOfBackgroundOnlyIsRefusedAndThePipelineWritesNothing() throws Exception {
		final SampleModel model = regime("BLOB", 0, 0.3, 0, 48, 16, 12).peakCounts(0).build();
		final Path scanFile = write(model, "empty");
		try (RockingScan scan = ScanOpener.open(scanFile)) {
			final NoParticleException e = assertThrows(NoParticleException.class,
				() -> new ScanPreparation().align(false).threads(2).prepare(scan));
			assertTrue(e.getMessage().contains(scanFile.toString()) && e.getMessage().contains("no scan point carries a Bragg peak"),
				e.getMessage());
		}
		final Path output = dir.resolve("domains");
		final PipelineException failure = assertThrows(PipelineException.class, () -> {
			try (OutputFolder out = OutputFolder.create(output, false, "output")) {
				new Pipeline(new PipelineOptions(0, false, PipelineOptions.DEFAULT_FEATURES, null, 1, 128, 8, 1, 2, false)).run(scanFile, out);
			}
		});
		assertTrue(failure.getMessage().contains("no scan point carries a Bragg peak"), failure.getMessage());
		if (Files.exists(output))
			try (Stream<Path> left = Files.list(output)) {
				assertFalse(left.findAny().isPresent(), "nothing written to " + output);
			}
	}
}
