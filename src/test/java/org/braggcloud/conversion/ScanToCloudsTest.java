package org.braggcloud.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.braggcloud.analysis.SimulatedScans;
import org.braggcloud.cloud.PointCloud;
import org.braggcloud.correction.HotPixels;
import org.braggcloud.denoise.DenoiseChain;
import org.braggcloud.geometry.DiffractometerGeometry;
import org.braggcloud.io.results.CloudContainer;
import org.braggcloud.cloud.PixelCloud;
import org.braggcloud.io.scan.ScanLayout;
import org.braggcloud.io.scan.ScanOpener;
import org.braggcloud.preparation.PreparedScan;
import org.braggcloud.preparation.ScanPreparation;
import org.braggcloud.scan.RockingScan;
import org.braggcloud.simulation.GroundTruth;
import org.braggcloud.simulation.SampleModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conversion of a simulated scan to clouds: exact voxels, coordinates, denoising that helps. */
class ScanToCloudsTest {

	@TempDir
	Path tmp;

	private static List<PixelCloud> convert(final PreparedScan prepared, final ScanToClouds conversion) throws Exception {
		final List<PixelCloud> clouds = Collections.synchronizedList(new ArrayList<>());
		conversion.threads(2).run(prepared, clouds::add);
		return clouds;
	}

	@Test
	void withoutDenoisingEveryCloudHoldsExactlyTheVoxelsAboveThreshold() throws Exception {
		final SampleModel model = SimulatedScans.model(4, 0);
		try (RockingScan scan = ScanOpener.open(SimulatedScans.write(model, 4, tmp.resolve("s"), ScanLayout.TIFF_COLUMNS))) {
			final PreparedScan prepared = new ScanPreparation().align(false).threads(2).prepare(scan);
			final List<PixelCloud> clouds = convert(prepared, new ScanToClouds().threshold(3).peakShare(0).denoise(DenoiseChain.parse("none")));
			assertEquals(prepared.maskedCount(), clouds.size());
			final int rows = scan.rows(), columns = scan.columns(), plane = rows * columns;
			final float[] volume = new float[scan.voxelsPerPixel()];
			for (final PixelCloud c : clouds.subList(0, 60)) {
				scan.readVolume(c.x(), c.y(), volume);
				final Set<String> expected = new HashSet<>();
				for (int a = 0; a < scan.angleCount(); a++)
					for (int p = 0; p < plane; p++)
						if (volume[a * plane + p] > 3 && !prepared.hot().isHot(p)) expected.add((p / columns) + "," + (p % columns) + "," + 10 * a + "=" + volume[a * plane + p]);
				final Set<String> actual = new HashSet<>();
				final PointCloud cloud = c.cloud();
				for (int i = 0; i < cloud.size(); i++)
					actual.add((int) cloud.x(i) + "," + (int) cloud.y(i) + "," + (int) cloud.z(i) + "=" + cloud.value(i));
				assertEquals(expected, actual, "pixel " + c.x() + "," + c.y());
			}
		}
	}

	@Test
	void paperChainBringsCentroidsCloserToTheTruePeaks() throws Exception {
		final long seed = 6;
		final SampleModel model = SimulatedScans.model(seed, 0, 24, 18);
		final GroundTruth truth = model.truth();
		try (RockingScan scan = ScanOpener.open(SimulatedScans.write(model, seed, tmp.resolve("p"), ScanLayout.TIFF_FRAMES))) {
			final PreparedScan prepared = new ScanPreparation().align(false).threads(2).prepare(scan);
			// The paper kept nearly every voxel above the background (threshold 0 here): the chain must
			// pull the centroids back to the peak. At the automatic threshold clouds are already clean;
			// the chain must then stay within a voxel. The paper made no cut relative to the peak: neither does the first case.
			for (final double t : new double[] { 0, Double.NaN }) {
				final double share = t == 0 ? 0 : ScanToClouds.DEFAULT_PEAK_SHARE;
				final List<PixelCloud> raw = convert(prepared, new ScanToClouds().threshold(t).peakShare(share).denoise(DenoiseChain.parse("none")));
				final List<PixelCloud> clean = convert(prepared, new ScanToClouds().threshold(t).peakShare(share).denoise(DenoiseChain.paper()));
				final double rawError = medianCentroidError(raw, truth, scan), cleanError = medianCentroidError(clean, truth, scan);
				System.out.printf("threshold %s: median centroid distance to the true peak (voxels, angle unscaled): raw %.3f, paper chain %.3f%n",
					Double.isNaN(t) ? "auto" : t, rawError, cleanError);
				if (t == 0) assertTrue(cleanError < rawError, "denoised " + cleanError + " vs raw " + rawError);
				assertTrue(cleanError < 1.0, "denoised centroid error " + cleanError);
			}
		}
	}

	/** Median distance, in voxels with the angle axis unscaled, between a cloud's weighted centroid and the true peak. */
	private static double medianCentroidError(final List<PixelCloud> clouds, final GroundTruth truth, final RockingScan scan) {
		final double[] angles = scan.anglesDeg();
		final double step = angles[1] - angles[0];
		final double[] errors = new double[clouds.size()];
		int n = 0;
		for (final PixelCloud c : clouds) {
			final int i = c.y() * scan.grid().nx() + c.x();
			if (truth.labels()[i] == 0 || truth.domains().get(truth.labels()[i] - 1).kind() != org.braggcloud.simulation.Domain.Kind.SINGLE) continue;
			final double[] m = c.cloud().centroid();
			final double dAngle = m[2] / 10 - (truth.peakAngleDeg()[i] - angles[0]) / step;
			errors[n++] = Math.sqrt(Math.pow(m[0] - truth.peakRow()[i], 2) + Math.pow(m[1] - truth.peakColumn()[i], 2) + dAngle * dAngle);
		}
		final double[] e = Arrays.copyOf(errors, n);
		Arrays.sort(e);
		return e[n / 2];
	}

	@Test
	void reciprocalCoordinatesFollowTheGeometryExactly() {
		final DiffractometerGeometry g = DiffractometerGeometry.of(12, 18.1, 28.5, 500000, 55, 0.1);
		final CloudCoordinates lab = CloudCoordinates.reciprocal(g, false, 48, 40, 15);
		final float[] out = new float[3];
		lab.map(10, 30, 2, out, 0);
		final double[] offset = g.qOffsetLab(30 - 19.5, 10 - 23.5, 2 - 7);
		final double[] h = g.hLab();
		for (int i = 0; i < 3; i++)
			assertEquals(h[i] + offset[i], out[i], 1e-3 * Math.abs(h[i] + offset[i]) + 1e-3);
		// In the crystal frame the volume centre is h itself: (0, 0, |h|).
		final CloudCoordinates crystal = CloudCoordinates.reciprocal(g, true, 48, 40, 15);
		crystal.map(0, 0, 0, out, 0);
		final float[] centre = new float[3];
		final CloudCoordinates odd = CloudCoordinates.reciprocal(g, true, 49, 41, 15);
		odd.map(24, 20, 7, centre, 0);
		assertEquals(0, centre[0], 1e-2);
		assertEquals(0, centre[1], 1e-2);
		assertEquals(g.hNorm(), centre[2], 1e-2);
	}

	@Test
	void emptyCloudsAreListedNotWritten() throws Exception {
		final SampleModel model = SimulatedScans.model(2, 0);
		try (RockingScan scan = ScanOpener.open(SimulatedScans.write(model, 2, tmp.resolve("e"), ScanLayout.HDF5))) {
			final PreparedScan prepared = new ScanPreparation().align(false).threads(2).prepare(scan);
			final List<PixelCloud> clouds = new ArrayList<>();
			final ScanToClouds.Summary summary = new ScanToClouds().threshold(1e6).threads(2).run(prepared, clouds::add);
			assertEquals(0, clouds.size());
			assertEquals(prepared.maskedCount(), summary.emptyPixels().size());
		}
	}

	@Test
	void containerRoundTripAndPaperFileNames() throws Exception {
		final PointCloud a = PointCloud.of(new float[] { 1, 2, 3, 4, 5, 6 }, new float[] { 7, 8 });
		final PointCloud b = PointCloud.of(new float[] { -1, 0.5f, 2 }, new float[] { 9 });
		final Path file = tmp.resolve("clouds.h5");
		new CloudContainer(40, 30, List.of(new PixelCloud(3, 1, a), new PixelCloud(39, 29, b)), java.util.Map.of("coordinates", "index")).write(file);
		final CloudContainer back = CloudContainer.read(file);
		assertEquals(40, back.nx());
		assertEquals(2, back.clouds().size());
		assertEquals(39, back.clouds().get(1).x());
		assertTrue(Arrays.equals(a.positions(), back.clouds().get(0).cloud().positions()));
		assertTrue(Arrays.equals(b.values(), back.clouds().get(1).cloud().values()));
		assertEquals("index", back.settings().get("coordinates"));
		assertEquals("pixel_002_004", PixelCloud.name(3, 1, 40, 30));
		assertEquals("pixel_0002_0004", PixelCloud.name(3, 1, 1200, 30));
		assertEquals(HotPixels.none(2, 2).count(), 0);
	}
}
