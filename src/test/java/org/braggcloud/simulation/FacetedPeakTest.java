package org.braggcloud.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.braggcloud.cloud.PlyReader;
import org.braggcloud.cloud.PointCloud;
import org.braggcloud.geometry.DiffractometerGeometry;
import org.braggcloud.geometry.Mat3;
import org.junit.jupiter.api.Test;

/** Faceted peaks: a core with truncation rods, compared with a measured peak and across variants. */
class FacetedPeakTest {

	/** Voxels above this fraction of the volume's maximum count as the peak's cloud. */
	private static final double KEEP_FRACTION = 0.03;

	private static double[] angles(int n) {
		double[] a = new double[n];
		for (int i = 0; i < n; i++) {
			a[i] = (i - (n - 1) / 2.0) * 0.1;
		}
		return a;
	}

	private static SampleModel.Builder faceted(int rows, int cols) {
		return SampleModel.builder().detectorRows(rows).detectorColumns(cols).anglesDeg(angles(21))
			.peakStyle(PeakStyle.FACETED).backgroundCounts(0).hotPixels(0);
	}

	/** Expected volume [angle][row * cols + column] of scan pixel (x, y). */
	private static float[][] volume(SampleModel m, int x, int y) {
		float[][] v = new float[m.angleCount()][m.detectorRows() * m.detectorColumns()];
		for (int a = 0; a < m.angleCount(); a++) {
			m.expectedFrame(a, x, y, v[a]);
		}
		return v;
	}

	private static double max(float[][] v) {
		double max = 0;
		for (float[] f : v) {
			for (float x : f) {
				max = Math.max(max, x);
			}
		}
		return max;
	}

	private static int[] pixel(Domain d) {
		return new int[] {(int) Math.round(d.centreX()), (int) Math.round(d.centreY())};
	}

	/** Crystal q / |h| to voxel offset (column, row, angle index). */
	private static double[][] crystalToVoxel(SampleModel m) {
		DiffractometerGeometry g = m.geometry();
		double[][] a = Mat3.multiply(g.labToVoxel(), g.crystalToLab());
		for (double[] row : a) {
			for (int j = 0; j < 3; j++) {
				row[j] *= g.hNorm();
			}
		}
		return a;
	}

	@Test
	void facetedPeaksReachAsFarAsTheMeasuredCloud() throws IOException {
		PointCloud measured = PlyReader.read(Path.of("test-images/measured-clouds/all150_measured.ply"));
		assertEquals(2048, measured.size());
		double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
		double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
		for (int i = 0; i < measured.size(); i++) {
			double[] p = {measured.x(i), measured.y(i), measured.z(i)};
			for (int k = 0; k < 3; k++) {
				lo[k] = Math.min(lo[k], p[k]);
				hi[k] = Math.max(hi[k], p[k]);
			}
		}
		double[] measuredExtent = {hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]};
		// The README's numbers: 190 x 75 x 200 in (row, column, 10 x angle index).
		assertEquals(190, measuredExtent[0], 5);
		assertEquals(75, measuredExtent[1], 5);
		assertEquals(200, measuredExtent[2], 5);

		// The measured cloud's ROI and rocking range.
		SampleModel m = faceted(236, 211).domains(5).seed(1).build();
		double[] sumLogRatio = new double[3];
		List<Domain> domains = m.truth().domains();
		for (Domain d : domains) {
			int[] p = pixel(d);
			float[][] v = volume(m, p[0], p[1]);
			double keep = KEEP_FRACTION * max(v);
			int i = p[1] * m.nx() + p[0];
			double coreRow = m.truth().peakRow()[i];
			double coreCol = m.truth().peakColumn()[i];
			double coreAngle = (m.truth().peakAngleDeg()[i] - m.anglesDeg()[0]) / 0.1;
			double[] sigma = m.peakSigmasVoxel(d.label());
			double[] vlo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
			double[] vhi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
			int kept = 0;
			int core = 0;
			int cols = m.detectorColumns();
			for (int a = 0; a < v.length; a++) {
				for (int j = 0; j < v[a].length; j++) {
					if (v[a][j] <= keep) {
						continue;
					}
					int r = j / cols;
					int c = j % cols;
					double[] q = {r, c, 10.0 * a};
					for (int k = 0; k < 3; k++) {
						vlo[k] = Math.min(vlo[k], q[k]);
						vhi[k] = Math.max(vhi[k], q[k]);
					}
					kept++;
					double dc = (c - coreCol) / sigma[0];
					double dr = (r - coreRow) / sigma[1];
					double da = (a - coreAngle) / sigma[2];
					if (dc * dc + dr * dr + da * da < 4) {
						core++;
					}
				}
			}
			double[] extent = {vhi[0] - vlo[0], vhi[1] - vlo[1], vhi[2] - vlo[2]};
			String what = d.facets().kind() + " extent " + java.util.Arrays.toString(extent);
			int wide = 0;
			for (int k = 0; k < 3; k++) {
				wide += extent[k] >= 50 ? 1 : 0;
				sumLogRatio[k] += Math.log(extent[k] / measuredExtent[k]);
			}
			// Streaks, not a compact blob (a blob spans < 20 units on the detector axes).
			assertTrue(wide >= 2, what);
			// The core (within 2 sigma) is a minority of the cloud, as in the measured one.
			assertTrue(core < 0.4 * kept, what + ": core " + core + " of " + kept);
		}
		// Per axis, the typical faceted extent is the measured cloud's within a factor 2.5, and
		// overall (geometric mean over axes) within a factor 1.5.
		double overall = 0;
		for (int k = 0; k < 3; k++) {
			double ratio = Math.exp(sumLogRatio[k] / domains.size());
			assertTrue(ratio > 1 / 2.5 && ratio < 2.5, "axis " + k + " ratio " + ratio);
			overall += sumLogRatio[k] / domains.size() / 3;
		}
		assertTrue(Math.abs(overall) < Math.log(1.5), "overall ratio " + Math.exp(overall));
	}

	@Test
	void variantsChangeTheReferencePatternAsNamed() {
		SampleModel m = faceted(64, 64).domains(5).seed(4).build();
		List<TruncationRod> ref = m.truth().referenceRods();
		assertTrue(ref.size() == 2 || ref.size() == 3);
		double xWidthMax = 0;
		Domain broadened = null;
		for (Domain d : m.truth().domains()) {
			FacetedPeak f = d.facets();
			assertEquals(Domain.Kind.FACETED, d.kind());
			switch (f.kind()) {
				case ROTATED -> {
					double deg = f.rotationDeg();
					assertTrue(Math.abs(deg) >= FacetFactory.ROTATION_MIN_DEG && Math.abs(deg) <= FacetFactory.ROTATION_MAX_DEG);
					for (int k = 0; k < ref.size(); k++) {
						TruncationRod r = ref.get(k);
						TruncationRod t = f.rods().get(k);
						// Turned about h (crystal z): the azimuth moves by the stated angle, the z part stays.
						double turn = Math.toDegrees(Math.atan2(t.directionY(), t.directionX())
							- Math.atan2(r.directionY(), r.directionX()));
						turn = ((turn + 540) % 360) - 180;
						assertEquals(deg, turn, 1e-9);
						assertEquals(r.directionZ(), t.directionZ(), 1e-12);
						assertEquals(r.length(), t.length(), 0);
					}
				}
				case SPLIT_RODS -> {
					assertEquals(2 * ref.size(), f.rods().size());
					for (int k = 0; k < ref.size(); k++) {
						TruncationRod a = f.rods().get(2 * k);
						TruncationRod b = f.rods().get(2 * k + 1);
						double[] gap = Mat3.subtract(a.offset(), b.offset());
						// Parallel to the reference rod, offset across it by 5-7 rod widths, half its strength each.
						assertEquals(0, Mat3.dot(gap, ref.get(k).direction()), 1e-12);
						double widths = Mat3.norm(gap) / ref.get(k).width();
						assertTrue(widths >= FacetFactory.SPLIT_SEPARATION_MIN - 1e-9
							&& widths <= FacetFactory.SPLIT_SEPARATION_MAX + 1e-9, "separation " + widths);
						assertEquals(ref.get(k).strength() / 2, a.strength(), 1e-12);
						assertEquals(ref.get(k).directionX(), b.directionX(), 0);
					}
				}
				case ONE_SIDED -> assertTrue(f.rods().stream().allMatch(TruncationRod::oneSided));
				case SHIFTED -> assertEquals(ref, f.rods());
				case BROADENED -> broadened = d;
			}
			if (f.kind() != FacetKind.BROADENED) {
				xWidthMax = Math.max(xWidthMax, d.widthX());
				assertEquals(1, f.coreBroadening(), 0);
			}
		}
		assertTrue(broadened != null, "five domains show all five variants");
		// The broadened core is wider than any unbroadened one can be.
		assertTrue(broadened.widthX() >= FacetFactory.BROADENING_MIN * DomainFactory.WIDTH_X_MIN);
		assertTrue(broadened.widthX() > xWidthMax);
		double[] wide = m.peakSigmasVoxel(broadened.label());
		for (Domain d : m.truth().domains()) {
			if (d != broadened) {
				assertTrue(wide[2] > m.peakSigmasVoxel(d.label())[2]);
			}
		}
	}

	@Test
	void oneSidedRodsLightOnlyOneSideOfTheCore() {
		SampleModel m = faceted(128, 128).domains(1).facetKinds(FacetKind.ONE_SIDED).seed(3).build();
		Domain d = m.truth().domains().get(0);
		int[] p = pixel(d);
		float[][] v = volume(m, p[0], p[1]);
		int i = p[1] * m.nx() + p[0];
		double[] centre = {m.truth().peakColumn()[i], m.truth().peakRow()[i],
			(m.truth().peakAngleDeg()[i] - m.anglesDeg()[0]) / 0.1};
		double[][] a = crystalToVoxel(m);
		double peak = max(v);
		int checked = 0;
		for (TruncationRod rod : d.facets().rods()) {
			double[] step = Mat3.multiply(a, Mat3.scale(rod.direction(), 1.5 * rod.length()));
			double ahead = valueAt(m, v, Mat3.add(centre, step));
			double behind = valueAt(m, v, Mat3.subtract(centre, step));
			if (Double.isNaN(ahead) || Double.isNaN(behind)) {
				continue;
			}
			checked++;
			// On the rod, 1.5 lengths out, the Lorentzian keeps 1/3.25 of its peak; behind, only the
			// far tails of the core and the other rods remain.
			assertTrue(ahead > 0.02 * peak, "ahead " + ahead + " of " + peak);
			assertTrue(behind < 0.05 * ahead, "behind " + behind + ", ahead " + ahead);
		}
		assertTrue(checked >= 1);
	}

	/** Value at the voxel nearest (column, row, angle index), NaN outside the volume. */
	private static double valueAt(SampleModel m, float[][] v, double[] voxel) {
		int c = (int) Math.round(voxel[0]);
		int r = (int) Math.round(voxel[1]);
		int a = (int) Math.round(voxel[2]);
		if (c < 0 || r < 0 || a < 0 || c >= m.detectorColumns() || r >= m.detectorRows() || a >= m.angleCount()) {
			return Double.NaN;
		}
		return v[a][r * m.detectorColumns() + c];
	}

	@Test
	void sameSeedSameFacetsAndBlobDefaultsUntouched() {
		SampleModel a = faceted(48, 48).seed(9).build();
		SampleModel b = faceted(48, 48).seed(9).build();
		assertEquals(a.truth().domains(), b.truth().domains());
		assertEquals(a.truth().referenceRods(), b.truth().referenceRods());
		SampleModel blob = SampleModel.builder().seed(9).build();
		assertEquals(PeakStyle.BLOB, blob.peakStyle());
		assertTrue(blob.truth().referenceRods().isEmpty());
		assertTrue(blob.truth().domains().stream().allMatch(d -> d.facets() == null && d.kind() != Domain.Kind.FACETED));
		// Same seed, same particle and drift whatever the peak style.
		assertEquals(blob.truth().particle(), a.truth().particle());
	}
}
