package org.braggcloud.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.braggcloud.io.scan.ScanLayout;
import org.braggcloud.io.scan.ScanOpener;
import org.braggcloud.preparation.PreparedScan;
import org.braggcloud.preparation.ScanPreparation;
import org.braggcloud.progress.ProgressListener;
import org.braggcloud.registration.DriftRegistration;
import org.braggcloud.scan.RockingScan;
import org.braggcloud.simulation.Domain;
import org.braggcloud.simulation.GroundTruth;
import org.braggcloud.simulation.SampleModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conventional maps against the simulator's truth, on drifting scans with background and hot pixels. */
class ConventionalMapsTest {

	@TempDir
	Path tmp;

	/** Interior pixels of single-peak domains: same label in the 3 x 3 neighbourhood, well inside the particle. */
	static List<Integer> singleDomainInterior(final GroundTruth t, final int nx, final int ny) {
		final int[] labels = t.labels();
		final float[] thickness = t.thickness();
		final List<Integer> out = new ArrayList<>();
		for (int y = 1; y < ny - 1; y++)
			for (int x = 1; x < nx - 1; x++) {
				final int i = y * nx + x, l = labels[i];
				if (l == 0 || thickness[i] < 0.3 || t.domains().get(l - 1).kind() != Domain.Kind.SINGLE) continue;
				boolean inside = true;
				for (int dy = -1; dy <= 1; dy++)
					for (int dx = -1; dx <= 1; dx++)
						inside &= labels[i + dy * nx + dx] == l;
				if (inside) out.add(i);
			}
		return out;
	}

	static double median(final double[] v) {
		final double[] s = v.clone();
		Arrays.sort(s);
		return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
	}

	@Test
	void centroidsMatchTruePeakCentresWithKnownDrift() throws Exception {
		for (final long seed : new long[] { 3, 8 }) {
			final SampleModel model = SimulatedScans.model(seed, 2.0);
			final GroundTruth truth = model.truth();
			try (RockingScan scan = ScanOpener.open(SimulatedScans.write(model, seed, tmp.resolve("s" + seed), ScanLayout.TIFF_FRAMES))) {
				final PreparedScan prepared = new ScanPreparation().shifts(truth.driftPx()).threads(2).prepare(scan);

				assertEquals(model.truth().hotPixels().length, prepared.hot().count(), "hot pixels found");
				final ConventionalMaps maps = ConventionalMaps.compute(prepared, 2, ProgressListener.NONE);
				checkCentroids(truth, maps, "seed " + seed);
			}
		}
	}

	@Test
	void registrationRecoversDriftAndTheMapsFollow() throws Exception {
		// XRF maps at the usual 0.1 degree steps; intensity maps need finer steps (0.04 degree), where
		// every angle still shows part of the particle (at 0.1 degree the outer angles are dark).
		registerAndCheck(DriftRegistration.Reference.XRF, SimulatedScans.model(5, 2.0), 5);
		final double[] fine = new double[15];
		for (int i = 0; i < 15; i++)
			fine[i] = Math.round((i - 7) * 0.04 * 1e9) / 1e9;
		registerAndCheck(DriftRegistration.Reference.INTENSITY, SampleModel.builder().nx(40).ny(30).detectorRows(48).detectorColumns(48)
			.anglesDeg(fine).domains(4).maxDriftPx(2.0).seed(9).build(), 9);
	}

	private void registerAndCheck(final DriftRegistration.Reference reference, final SampleModel model, final long seed) throws Exception {
		final GroundTruth truth = model.truth();
		try (RockingScan scan = ScanOpener.open(SimulatedScans.write(model, seed, tmp.resolve("r" + reference), ScanLayout.HDF5))) {
			final PreparedScan prepared = new ScanPreparation().align(true).reference(reference).threads(2).prepare(scan);
			double worst = 0;
			for (int a = 0; a < scan.angleCount(); a++)
				worst = Math.max(worst, Math.hypot(prepared.shifts()[a][0] - truth.driftPx()[a][0], prepared.shifts()[a][1] - truth.driftPx()[a][1]));
			System.out.printf("registration on %s maps: worst drift error %.3f px%n", reference, worst);
			assertTrue(worst < 0.5, reference + ": drift error " + worst);
			if (reference == DriftRegistration.Reference.XRF) checkCentroids(truth, ConventionalMaps.compute(prepared, 2, ProgressListener.NONE), "registered on " + reference);
		}
	}

	@Test
	void mapsWithoutGeometrySaySoAndStrainHasTheTrueSign() throws Exception {
		final long seed = 3;
		final SampleModel model = SimulatedScans.model(seed, 0);
		final Path json = SimulatedScans.write(model, seed, tmp.resolve("g"), ScanLayout.TIFF_FRAMES);
		try (RockingScan scan = ScanOpener.open(json)) {
			final ConventionalMaps maps = ConventionalMaps.compute(new ScanPreparation().align(false).threads(2).prepare(scan), 2, ProgressListener.NONE);
			// Strain and tilts track the truth up to the strain's median offset.
			final List<Integer> interior = singleDomainInterior(model.truth(), 40, 30);
			final double[] strainError = new double[interior.size()], tiltError = new double[interior.size()];
			final double[] measured = new double[interior.size()], expected = new double[interior.size()];
			for (int k = 0; k < interior.size(); k++) {
				measured[k] = maps.map("strain")[interior.get(k)];
				expected[k] = model.truth().strain()[interior.get(k)];
			}
			final double offset = median(diff(measured, expected));
			for (int k = 0; k < interior.size(); k++) {
				strainError[k] = Math.abs(measured[k] - expected[k] - offset);
				tiltError[k] = Math.abs(maps.map("tilt_x")[interior.get(k)] - model.truth().tiltX()[interior.get(k)]);
			}
			System.out.printf("strain median |error| %.2e, tilt_x median |error| %.2e (truth spans +-1e-3)%n", median(strainError), median(tiltError));
			assertTrue(median(strainError) < 5e-5);
			assertTrue(median(tiltError) < 5e-5);
			assertTrue(maps.skipped().isEmpty());
		}
		// Without geometry the q-space maps are skipped with the reason, the others made.
		Files.writeString(json, Files.readString(json).replaceAll("(?s),\\s*\"geometry\"\\s*:\\s*\\{[^}]*\\}", ""));
		try (RockingScan scan = ScanOpener.open(json)) {
			final ConventionalMaps maps = ConventionalMaps.compute(new ScanPreparation().align(false).threads(2).prepare(scan), 2, ProgressListener.NONE);
			assertTrue(maps.maps().containsKey("centroid_row"));
			assertFalse(maps.maps().containsKey("strain"));
			assertEquals(1, maps.skipped().size());
			assertTrue(maps.skipped().get(0).contains("'geometry'"), maps.skipped().get(0));
		}
	}

	private static double[] diff(final double[] a, final double[] b) {
		final double[] d = new double[a.length];
		for (int i = 0; i < a.length; i++)
			d[i] = a[i] - b[i];
		return d;
	}

	static void checkCentroids(final GroundTruth truth, final ConventionalMaps maps, final String what) {
		final List<Integer> interior = singleDomainInterior(truth, 40, 30);
		assertTrue(interior.size() >= 15, what + ": too few interior pixels: " + interior.size());
		final double[] dRow = new double[interior.size()], dCol = new double[interior.size()], dAngle = new double[interior.size()];
		for (int k = 0; k < interior.size(); k++) {
			final int i = interior.get(k);
			dRow[k] = Math.abs(maps.map("centroid_row")[i] - truth.peakRow()[i]);
			dCol[k] = Math.abs(maps.map("centroid_col")[i] - truth.peakColumn()[i]);
			dAngle[k] = Math.abs(maps.map("centroid_angle_deg")[i] - truth.peakAngleDeg()[i]);
		}
		System.out.printf("%s: %d interior pixels, median |error| row %.3f px, column %.3f px, angle %.4f deg%n", what,
			interior.size(), median(dRow), median(dCol), median(dAngle));
		assertTrue(median(dRow) < 0.3, what + ": row error " + median(dRow));
		assertTrue(median(dCol) < 0.3, what + ": column error " + median(dCol));
		assertTrue(median(dAngle) < 0.03, what + ": angle error " + median(dAngle));
	}
}
