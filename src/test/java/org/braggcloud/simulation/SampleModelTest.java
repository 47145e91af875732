package org.braggcloud.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.braggcloud.geometry.DiffractometerGeometry;
import org.braggcloud.geometry.Mat3;
import org.junit.jupiter.api.Test;

class SampleModelTest {

	/** One SINGLE domain, no background or hot pixels: the volume is the bare Gaussian. */
	private static SampleModel single(long seed) {
		return SampleModel.builder().nx(24).ny(20).domains(1).kinds(Domain.Kind.SINGLE)
			.backgroundCounts(0).hotPixels(0).seed(seed).build();
	}

	/** Intensity-weighted centroid (column, row, angle index) and total of a pixel's expected volume. */
	private static double[] centroid(SampleModel m, int x, int y) {
		int rows = m.detectorRows();
		int cols = m.detectorColumns();
		float[] f = new float[rows * cols];
		double s = 0;
		double sc = 0;
		double sr = 0;
		double sa = 0;
		for (int a = 0; a < m.angleCount(); a++) {
			m.expectedFrame(a, x, y, f);
			for (int r = 0; r < rows; r++) {
				for (int c = 0; c < cols; c++) {
					double v = f[r * cols + c];
					s += v;
					sc += v * c;
					sr += v * r;
					sa += v * a;
				}
			}
		}
		return new double[] {sc / s, sr / s, sa / s, s};
	}

	private static int[] centrePixel(SampleModel m) {
		Particle p = m.truth().particle();
		return new int[] {(int) Math.round(p.centreX()), (int) Math.round(p.centreY())};
	}

	/** First seed whose single-domain centre pixel has the wanted strain sign and |strain| >= 3e-4. */
	private static SampleModel singleWithStrain(int sign) {
		for (long seed = 1; seed < 200; seed++) {
			SampleModel m = single(seed);
			int[] p = centrePixel(m);
			float s = m.truth().strain()[p[1] * m.nx() + p[0]];
			if (s * sign >= 3e-4) {
				return m;
			}
		}
		throw new AssertionError("no seed with a large enough strain");
	}

	@Test
	void sameSeedGivesSameModelAndFrames() {
		SampleModel a = SampleModel.builder().seed(42).maxDriftPx(1.5).build();
		SampleModel b = SampleModel.builder().seed(42).maxDriftPx(1.5).build();
		assertArrayEquals(a.truth().labels(), b.truth().labels());
		assertArrayEquals(a.truth().strain(), b.truth().strain());
		assertEquals(a.truth().domains(), b.truth().domains());
		int[] p = centrePixel(a);
		float[] fa = new float[a.detectorRows() * a.detectorColumns()];
		float[] fb = new float[fa.length];
		a.sampleFrame(7, p[0], p[1], new SplittableRandom(9), fa);
		b.sampleFrame(7, p[0], p[1], new SplittableRandom(9), fb);
		assertArrayEquals(fa, fb);
		assertArrayEquals(a.xrfMap(3, new SplittableRandom(5)), b.xrfMap(3, new SplittableRandom(5)));

		SampleModel c = SampleModel.builder().seed(43).maxDriftPx(1.5).build();
		assertFalse(Arrays.equals(a.truth().strain(), c.truth().strain()));
	}

	@Test
	void centroidOfSinglePeakMatchesTruth() {
		SampleModel m = single(3);
		int[] p = centrePixel(m);
		int i = p[1] * m.nx() + p[0];
		double[] c = centroid(m, p[0], p[1]);
		GroundTruth t = m.truth();
		assertEquals(t.peakColumn()[i], c[0], 0.05);
		assertEquals(t.peakRow()[i], c[1], 0.05);
		double[] angles = m.anglesDeg();
		double centroidDeg = angles[0] + c[2] * (angles[1] - angles[0]);
		assertEquals(t.peakAngleDeg()[i], centroidDeg, 0.005);
	}

	@Test
	void strainIsMinusDqzOverH() {
		for (int sign : new int[] {1, -1}) {
			SampleModel m = singleWithStrain(sign);
			int[] p = centrePixel(m);
			int i = p[1] * m.nx() + p[0];
			DiffractometerGeometry g = m.geometry();
			double[] c = centroid(m, p[0], p[1]);
			double[] offset = {c[0] - (m.detectorColumns() - 1) / 2.0, c[1] - (m.detectorRows() - 1) / 2.0,
				c[2] - (m.angleCount() - 1) / 2.0};
			double[] dqLab = g.qOffsetLab(offset[0], offset[1], offset[2]);
			double[] dqCrystal = Mat3.multiply(g.labToCrystal(), dqLab);
			GroundTruth t = m.truth();
			double strain = t.strain()[i];
			assertEquals(strain, -dqCrystal[2] / g.hNorm(), 0.02 * Math.abs(strain));
			assertEquals(t.tiltX()[i], dqCrystal[0] / g.hNorm(), 2e-5);
			assertEquals(t.tiltY()[i], dqCrystal[1] / g.hNorm(), 2e-5);

			// Bragg's law: |q| = |h|(1 - strain) to first order, so 2-theta moves by -2 tan(theta) strain;
			// a positive strain (larger d) lowers 2-theta.
			double[] q = Mat3.add(g.hLab(), dqLab);
			double twoTheta = 2 * Math.asin(Mat3.norm(q) / (2 * g.k()));
			double shift = twoTheta - Math.toRadians(g.twoThetaDeg());
			double expected = -2 * Math.tan(Math.toRadians(g.braggAngleDeg())) * strain;
			assertEquals(expected, shift, 0.03 * Math.abs(expected));
			assertEquals(sign, (int) Math.signum(-shift));
		}
	}

	@Test
	void integratedCountsFollowThickness() {
		SampleModel m = SampleModel.builder().nx(24).ny(20).domains(6).seed(11).build();
		GroundTruth t = m.truth();
		float[] thick = t.thickness();
		double background = m.backgroundCounts() * m.detectorRows() * m.detectorColumns() * m.angleCount();
		int checked = 0;
		for (int y = 0; y < m.ny(); y++) {
			for (int x = 0; x < m.nx(); x++) {
				double th = thick[y * m.nx() + x];
				if (th < 0.2) {
					continue;
				}
				double total = centroid(m, x, y)[3] - background;
				assertEquals(m.peakCounts() * th, total, 0.05 * m.peakCounts() * th, "pixel " + x + "," + y);
				checked++;
			}
		}
		assertTrue(checked > 100);
	}

	@Test
	void splitCentroidSitsBetweenSubGrains() {
		SampleModel m = SampleModel.builder().nx(24).ny(20).domains(1).kinds(Domain.Kind.SPLIT)
			.backgroundCounts(0).hotPixels(0).seed(5).build();
		Domain d = m.truth().domains().get(0);
		assertTrue(d.splitFraction() > 0 && d.splitFraction() < 0.5);
		int[] p = centrePixel(m);
		int i = p[1] * m.nx() + p[0];
		DiffractometerGeometry g = m.geometry();
		double[] second = g.voxelOffset(Mat3.multiply(g.crystalToLab(),
			new double[] {d.splitTiltX() * g.hNorm(), d.splitTiltY() * g.hNorm(), 0}));
		double f = d.splitFraction();
		double[] c = centroid(m, p[0], p[1]);
		GroundTruth t = m.truth();
		assertEquals(t.peakColumn()[i] + f * second[0], c[0], 0.05);
		assertEquals(t.peakRow()[i] + f * second[1], c[1], 0.05);
	}

	@Test
	void streakIsElongatedAlongItsDirection() {
		SampleModel m = SampleModel.builder().nx(24).ny(20).domains(1).kinds(Domain.Kind.STREAK)
			.backgroundCounts(0).hotPixels(0).seed(2).detectorRows(64).detectorColumns(64).build();
		Domain d = m.truth().domains().get(0);
		int[] p = centrePixel(m);
		double[][] cov = crystalCovariance(m, p[0], p[1]);
		double[] u = {d.streakX(), d.streakY(), d.streakZ()};
		double along = Mat3.dot(u, Mat3.multiply(cov, u));
		double expected = d.streakWidth() * d.streakWidth()
			+ u[0] * u[0] * d.widthX() * d.widthX() + u[1] * u[1] * d.widthY() * d.widthY()
			+ u[2] * u[2] * d.widthZ() * d.widthZ();
		assertEquals(expected, along, 0.05 * expected);
	}

	/** Intensity-weighted covariance of the volume in the crystal frame, in units of |h|^2. */
	private static double[][] crystalCovariance(SampleModel m, int x, int y) {
		DiffractometerGeometry g = m.geometry();
		double[] mean = centroid(m, x, y);
		int rows = m.detectorRows();
		int cols = m.detectorColumns();
		float[] f = new float[rows * cols];
		double[][] voxelCov = new double[3][3];
		for (int a = 0; a < m.angleCount(); a++) {
			m.expectedFrame(a, x, y, f);
			for (int r = 0; r < rows; r++) {
				for (int c = 0; c < cols; c++) {
					double v = f[r * cols + c] / mean[3];
					double[] d = {c - mean[0], r - mean[1], a - mean[2]};
					for (int j = 0; j < 3; j++) {
						for (int k = 0; k < 3; k++) {
							voxelCov[j][k] += v * d[j] * d[k];
						}
					}
				}
			}
		}
		double[][] t = Mat3.multiply(g.labToCrystal(), g.voxelToLab());
		double[][] cov = Mat3.multiply(Mat3.multiply(t, voxelCov), Mat3.transpose(t));
		double h2 = g.hNorm() * g.hNorm();
		for (double[] row : cov) {
			for (int j = 0; j < 3; j++) {
				row[j] /= h2;
			}
		}
		return cov;
	}

	@Test
	void driftIsZeroAtFirstAngleAndBounded() {
		double maxDrift = 2.5;
		SampleModel m = SampleModel.builder().nx(40).ny(30).maxDriftPx(maxDrift).seed(7)
			.xrfCounts(1e6).xrfBackground(0).build();
		double[][] drift = m.truth().driftPx();
		assertEquals(m.angleCount(), drift.length);
		assertArrayEquals(new double[] {0, 0}, drift[0], 0);
		double largest = 0;
		for (double[] d : drift) {
			largest = Math.max(largest, Math.hypot(d[0], d[1]));
		}
		assertTrue(largest <= maxDrift + 1e-9);
		assertTrue(largest > 0.5 * maxDrift);

		// The XRF (thickness) centroid follows the stated sign: angle-0 (y, x) appears at (y+dy, x+dx).
		double[] c0 = mapCentroid(m.xrfMap(0, new SplittableRandom(1)), m.nx(), m.ny());
		for (int a = 1; a < m.angleCount(); a++) {
			double[] ca = mapCentroid(m.xrfMap(a, new SplittableRandom(a + 1)), m.nx(), m.ny());
			assertEquals(drift[a][0], ca[0] - c0[0], 0.05, "dy at angle " + a);
			assertEquals(drift[a][1], ca[1] - c0[1], 0.05, "dx at angle " + a);
		}
		assertTrue(Arrays.stream(SampleModel.builder().build().truth().driftPx())
			.allMatch(d -> d[0] == 0 && d[1] == 0));
	}

	private static double[] mapCentroid(float[] map, int nx, int ny) {
		double s = 0;
		double sy = 0;
		double sx = 0;
		for (int y = 0; y < ny; y++) {
			for (int x = 0; x < nx; x++) {
				double v = map[y * nx + x];
				s += v;
				sy += v * y;
				sx += v * x;
			}
		}
		return new double[] {sy / s, sx / s};
	}

	@Test
	void labelsAreZeroOutsideTheEllipseAndVoronoiInside() {
		SampleModel m = SampleModel.builder().nx(40).ny(30).domains(5).seed(4).build();
		GroundTruth t = m.truth();
		Particle p = t.particle();
		int[] labels = t.labels();
		float[] thick = t.thickness();
		float[] strain = t.strain();
		int inside = 0;
		for (int y = 0; y < m.ny(); y++) {
			for (int x = 0; x < m.nx(); x++) {
				int i = y * m.nx() + x;
				double dx = x - p.centreX();
				double dy = y - p.centreY();
				double u = (dx * Math.cos(p.rotationRad()) + dy * Math.sin(p.rotationRad())) / p.semiAxisU();
				double v = (-dx * Math.sin(p.rotationRad()) + dy * Math.cos(p.rotationRad())) / p.semiAxisV();
				if (u * u + v * v >= 1) {
					assertEquals(0, labels[i]);
					assertEquals(0f, thick[i]);
					assertTrue(Float.isNaN(strain[i]));
				} else {
					inside++;
					assertEquals(nearestDomain(t, x, y), labels[i]);
					assertEquals(Math.sqrt(1 - u * u - v * v), thick[i], 1e-6);
				}
			}
		}
		assertTrue(inside > 200);
		assertTrue(IntStream.of(labels).max().getAsInt() <= 5);
	}

	private static int nearestDomain(GroundTruth t, int x, int y) {
		int best = 0;
		double bestD = Double.MAX_VALUE;
		for (Domain d : t.domains()) {
			double dd = Math.hypot(x - d.centreX(), y - d.centreY());
			if (dd < bestD) {
				bestD = dd;
				best = d.label();
			}
		}
		return best;
	}

	@Test
	void noisyFramesAverageToExpectedWithHotPixels() {
		SampleModel m = SampleModel.builder().nx(24).ny(20).seed(8).hotPixels(3).build();
		int[] p = centrePixel(m);
		int n = m.detectorRows() * m.detectorColumns();
		float[] expected = new float[n];
		m.expectedFrame(7, p[0], p[1], expected);
		int[] hot = m.truth().hotPixels();
		assertEquals(3, hot.length);
		double[] sum = new double[n];
		int[] hotFired = new int[hot.length];
		float[] f = new float[n];
		int frames = 400;
		SplittableRandom rng = new SplittableRandom(123);
		for (int k = 0; k < frames; k++) {
			m.sampleFrame(7, p[0], p[1], rng, f);
			for (int i = 0; i < n; i++) {
				assertTrue(f[i] >= 0 && f[i] == Math.rint(f[i]), "counts are non-negative integers");
				sum[i] += f[i];
			}
			for (int h = 0; h < hot.length; h++) {
				if (f[hot[h]] >= 300) {
					hotFired[h]++;
				}
			}
		}
		double totalExpected = 0;
		double totalMeasured = 0;
		for (int i = 0; i < n; i++) {
			final int idx = i;
			if (IntStream.of(hot).noneMatch(h -> h == idx)) {
				totalExpected += expected[i];
				totalMeasured += sum[i] / frames;
			}
		}
		// Poisson: relative sd of the total over 400 frames is ~1/sqrt(400 * total), far below 1 %.
		assertEquals(totalExpected, totalMeasured, 0.01 * totalExpected);
		for (int fired : hotFired) {
			assertTrue(fired > 0.9 * frames && fired < frames, "hot pixel duty " + fired);
		}
	}

	@Test
	void xrfFollowsThickness() {
		SampleModel m = SampleModel.builder().nx(24).ny(20).seed(6).xrfCounts(1000).xrfBackground(5).build();
		float[] thick = m.truth().thickness();
		double sumMeasured = 0;
		double sumExpected = 0;
		SplittableRandom rng = new SplittableRandom(1);
		for (int rep = 0; rep < 20; rep++) {
			float[] map = m.xrfMap(0, rng);
			for (int i = 0; i < map.length; i++) {
				sumMeasured += map[i];
				sumExpected += 5 + 1000 * thick[i];
			}
		}
		assertEquals(sumExpected, sumMeasured, 0.01 * sumExpected);
	}

	@Test
	void parallelGenerationMatchesSequentialAndIsFast() {
		SampleModel m = SampleModel.builder().nx(40).ny(30).maxDriftPx(1).build();
		int n = m.detectorRows() * m.detectorColumns();
		int perAngle = m.nx() * m.ny();
		int total = m.angleCount() * perAngle;
		long start = System.nanoTime();
		double[] parallelSums = IntStream.range(0, total).parallel().mapToDouble(k -> {
			float[] f = new float[n];
			int a = k / perAngle;
			int xy = k % perAngle;
			m.sampleFrame(a, xy % m.nx(), xy / m.nx(), new SplittableRandom(k), f);
			double s = 0;
			for (float v : f) {
				s += v;
			}
			return s;
		}).toArray();
		double seconds = (System.nanoTime() - start) / 1e9;
		assertTrue(seconds < 10, "40x30x15 frames of 48x48 took " + seconds + " s");
		float[] f = new float[n];
		for (int k = 0; k < total; k += 97) {
			int a = k / perAngle;
			int xy = k % perAngle;
			m.sampleFrame(a, xy % m.nx(), xy / m.nx(), new SplittableRandom(k), f);
			double s = 0;
			for (float v : f) {
				s += v;
			}
			assertEquals(parallelSums[k], s, 0);
		}
	}

	@Test
	void everyKindAppearsAndPeaksStayInsideTheVolume() {
		SampleModel m = SampleModel.builder().seed(1).domains(6).build();
		assertEquals(3, m.truth().domains().stream().map(Domain::kind).distinct().count());
		GroundTruth t = m.truth();
		float[] pr = t.peakRow();
		float[] pc = t.peakColumn();
		float[] pa = t.peakAngleDeg();
		double[] angles = m.anglesDeg();
		for (int i = 0; i < pr.length; i++) {
			if (t.labels()[i] == 0) {
				continue;
			}
			assertTrue(pr[i] > 6 && pr[i] < m.detectorRows() - 7);
			assertTrue(pc[i] > 6 && pc[i] < m.detectorColumns() - 7);
			assertTrue(pa[i] > angles[0] + 0.4 && pa[i] < angles[angles.length - 1] - 0.4);
		}
	}

	@Test
	void builderValidatesAndExposesSettings() {
		SampleModel m = SampleModel.builder().nx(10).ny(8).detectorRows(32).detectorColumns(40).build();
		assertEquals(10, m.nx());
		assertEquals(8, m.ny());
		assertEquals(32, m.detectorRows());
		assertEquals(40, m.detectorColumns());
		assertEquals(15, m.angleCount());
		assertEquals(0.1, m.geometry().rockingStepDeg(), 1e-12);
		assertNotNull(m.truth());
		assertThrows(IllegalArgumentException.class,
			() -> SampleModel.builder().anglesDeg(new double[] {0, 0.1, 0.3}).build());
		assertThrows(IllegalArgumentException.class, () -> SampleModel.builder().domains(0).build());
		float[] wrong = new float[5];
		assertThrows(IllegalArgumentException.class, () -> m.expectedFrame(0, 0, 0, wrong));
		assertThrows(IndexOutOfBoundsException.class,
			() -> m.expectedFrame(15, 0, 0, new float[32 * 40]));
	}
}
