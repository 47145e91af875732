package org.braggcloud.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Checks against hand calculations done directly in the lab frame (kf - ki), not via M_D2L. */
class DiffractometerGeometryTest {

	private static final double E = 12.0;
	private static final double DELTA = 18.1;
	private static final double GAMMA = 28.5;
	private static final double DIST = 500_000;
	private static final double PIXEL = 55;
	private static final double STEP = 0.1;

	private static DiffractometerGeometry hxn() {
		return DiffractometerGeometry.of(E, DELTA, GAMMA, DIST, PIXEL, STEP);
	}

	private static double k() {
		return 1e4 * E / 12.398;
	}

	@Test
	void waveNumberHasNoTwoPi() {
		assertEquals(1e4 / (12.398 / E), hxn().k(), 1e-9);
		assertEquals(12.398 / E, hxn().wavelengthAngstrom(), 1e-12);
	}

	@Test
	void zeroDetectorAnglesGiveZeroScatteringVector() {
		DiffractometerGeometry g = DiffractometerGeometry.of(E, 0, 0, DIST, PIXEL, STEP);
		assertEquals(0, g.hNorm(), 1e-9 * k());
		assertEquals(0, g.braggAngleDeg(), 1e-9);
		// No rocking step either, so the voxel map cannot be inverted: must fail loudly.
		assertThrows(IllegalStateException.class, g::labToVoxel);
		assertThrows(IllegalStateException.class, g::labToCrystal);
	}

	@Test
	void inPlaneGammaGivesBraggLaw() {
		double gamma = 30;
		DiffractometerGeometry g = DiffractometerGeometry.of(E, 0, gamma, DIST, PIXEL, STEP);
		double theta = Math.toRadians(gamma / 2);
		assertEquals(2 * k() * Math.sin(theta), g.hNorm(), 1e-9 * k());
		assertEquals(gamma, g.twoThetaDeg(), 1e-9);
		// kf = k(-sin g, 0, cos g) for the negative-sign convention; h = kf - ki.
		double gr = Math.toRadians(gamma);
		assertArrayEquals(new double[] {-k() * Math.sin(gr), 0, k() * (Math.cos(gr) - 1)}, g.hLab(), 1e-9 * k());
	}

	@Test
	void generalAnglesFollowCosTwoThetaRule() {
		DiffractometerGeometry g = hxn();
		double cos2t = Math.cos(Math.toRadians(GAMMA)) * Math.cos(Math.toRadians(DELTA));
		double theta = Math.acos(cos2t) / 2;
		assertEquals(2 * k() * Math.sin(theta), g.hNorm(), 1e-9 * k());
		assertEquals(Math.toDegrees(theta), g.braggAngleDeg(), 1e-9);
		assertEquals(2 * Math.toDegrees(theta), g.twoThetaDeg(), 1e-9);
	}

	@Test
	void outgoingBeamAndScatteringVectorInLab() {
		DiffractometerGeometry g = hxn();
		double d = Math.toRadians(DELTA);
		double gm = Math.toRadians(GAMMA);
		double[] kfHat = {-Math.sin(gm) * Math.cos(d), Math.sin(d), Math.cos(gm) * Math.cos(d)};
		assertArrayEquals(kfHat, g.outgoingBeamLab(), 1e-12);
		double[] h = {k() * kfHat[0], k() * kfHat[1], k() * (kfHat[2] - 1)};
		assertArrayEquals(h, g.hLab(), 1e-9 * k());
		// The detector-frame h is the same vector seen from the detector.
		assertArrayEquals(g.hLab(), Mat3.multiply(g.detectorToLab(), g.hDetector()), 1e-9 * k());
		// k0 in the detector frame has length k and maps back to the beam direction.
		assertArrayEquals(new double[] {0, 0, k()}, Mat3.multiply(g.detectorToLab(), g.k0Detector()), 1e-9 * k());
	}

	@Test
	void detectorStepsArePixelAnglesTimesK() {
		DiffractometerGeometry g = hxn();
		double q = k() * PIXEL / DIST;
		double[] col = g.columnStepLab();
		double[] row = g.rowStepLab();
		assertEquals(q, Mat3.norm(col), 1e-12 * q);
		assertEquals(q, Mat3.norm(row), 1e-12 * q);
		assertEquals(0, Mat3.dot(col, row), 1e-12 * q * q);
		// Both lie in the detector plane, perpendicular to the outgoing beam.
		assertEquals(0, Mat3.dot(col, g.outgoingBeamLab()), 1e-12 * q);
		assertEquals(0, Mat3.dot(row, g.outgoingBeamLab()), 1e-12 * q);
		// Rx leaves detector x alone and Ry keeps it horizontal: no vertical component.
		assertEquals(0, col[1], 1e-12 * q);
	}

	@Test
	void rockingStepIsPerpendicularToH() {
		DiffractometerGeometry g = hxn();
		double[] step = g.angleStepLab();
		double[] h = g.hLab();
		double rad = Math.toRadians(STEP);
		assertEquals(0, Mat3.dot(step, h), 1e-9 * Mat3.norm(step) * g.hNorm());
		// Rotation about lab y moves only the part of h perpendicular to y.
		double hPerpY = Math.hypot(h[0], h[2]);
		assertEquals(hPerpY * rad, Mat3.norm(step), 1e-9 * hPerpY * rad);
		// Lab-frame form of the rule: -(y x h) = h x y.
		assertArrayEquals(Mat3.scale(Mat3.cross(h, new double[] {0, 1, 0}), rad), step, 1e-9 * hPerpY * rad);
	}

	@Test
	void rockingStepMagnitudeIsHTimesStepWhenDeltaIsZero() {
		DiffractometerGeometry g = DiffractometerGeometry.of(E, 0, 33.35, DIST, PIXEL, STEP);
		double expected = g.hNorm() * Math.toRadians(STEP);
		assertEquals(expected, Mat3.norm(g.angleStepLab()), 1e-9 * expected);
	}

	@Test
	void voxelMapsAreInverse() {
		DiffractometerGeometry g = hxn();
		double[][] p = Mat3.multiply(g.voxelToLab(), g.labToVoxel());
		double[][] id = Mat3.identity();
		for (int i = 0; i < 3; i++) {
			assertArrayEquals(id[i], p[i], 1e-12);
		}
		assertArrayEquals(g.columnStepLab(), Mat3.column(g.voxelToLab(), 0), 0);
		assertArrayEquals(g.rowStepLab(), Mat3.column(g.voxelToLab(), 1), 0);
		assertArrayEquals(g.angleStepLab(), Mat3.column(g.voxelToLab(), 2), 0);
		double[] q = g.qOffsetLab(2.5, -1.25, 3);
		assertArrayEquals(new double[] {2.5, -1.25, 3}, g.voxelOffset(q), 1e-10);
	}

	@Test
	void crystalFrameIsOrthonormalRightHandedAndAligned() {
		DiffractometerGeometry g = hxn();
		double[][] m = g.labToCrystal();
		assertOrthonormalRightHanded(m);
		assertArrayEquals(Mat3.normalize(g.hLab()), m[2], 1e-12);
		assertArrayEquals(Mat3.normalize(g.angleStepLab()), m[0], 1e-12);
		assertArrayEquals(Mat3.cross(m[2], m[0]), m[1], 1e-12);
		double[][] p = Mat3.multiply(m, g.crystalToLab());
		for (int i = 0; i < 3; i++) {
			assertArrayEquals(Mat3.identity()[i], p[i], 1e-12);
		}
	}

	@Test
	void beamFrameIsOrthonormalRightHanded() {
		DiffractometerGeometry g = hxn();
		double[][] b = g.labToBeam();
		assertOrthonormalRightHanded(b);
		assertArrayEquals(new double[] {0, 0, 1}, b[2], 0);
		assertEquals(0, Mat3.dot(b[1], g.hLab()), 1e-9 * g.hNorm());
	}

	@Test
	void returnedArraysAreCopies() {
		DiffractometerGeometry g = hxn();
		g.hLab()[0] = 99;
		g.voxelToLab()[0][0] = 99;
		assertTrue(g.hLab()[0] != 99);
		assertTrue(g.voxelToLab()[0][0] != 99);
	}

	@Test
	void builderDefaultsMatchFactory() {
		DiffractometerGeometry b = DiffractometerGeometry.builder().build();
		assertArrayEquals(hxn().hLab(), b.hLab(), 0);
		assertThrows(IllegalArgumentException.class, () -> DiffractometerGeometry.of(-1, 0, 10, DIST, PIXEL, STEP));
		assertThrows(IllegalArgumentException.class, () -> DiffractometerGeometry.of(E, 0, 10, 0, PIXEL, STEP));
	}

	@Test
	void matrixInverseAndDeterminant() {
		double[][] a = {{2, 1, 0}, {1, 3, 1}, {0, 1, 4}};
		assertEquals(18, Mat3.determinant(a), 1e-12);
		double[][] p = Mat3.multiply(a, Mat3.inverse(a));
		for (int i = 0; i < 3; i++) {
			assertArrayEquals(Mat3.identity()[i], p[i], 1e-12);
		}
		assertThrows(IllegalArgumentException.class, () -> Mat3.inverse(new double[][] {{1, 2, 3}, {2, 4, 6}, {0, 0, 1}}));
	}

	private static void assertOrthonormalRightHanded(double[][] m) {
		for (int i = 0; i < 3; i++) {
			for (int j = 0; j < 3; j++) {
				assertEquals(i == j ? 1 : 0, Mat3.dot(m[i], m[j]), 1e-12);
			}
		}
		assertEquals(1, Mat3.determinant(m), 1e-12);
	}
}
