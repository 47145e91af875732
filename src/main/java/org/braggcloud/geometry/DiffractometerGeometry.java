package org.braggcloud.geometry;

import java.util.ArrayList;
import java.util.List;

import org.braggcloud.scan.ScanDescriptor;

/**
 * Immutable diffractometer geometry: maps a voxel of a per-scan-pixel diffraction volume
 * (detector column, detector row, rocking-angle index) to reciprocal space, following
 * docs/pipeline.md section 2 (the HXN conventions).
 *
 * <p>Units: lengths in micrometres; wave number {@code k = 1e4 / lambda[A]} (no 2 pi), so q is
 * in 1/um. Frames: the lab frame has the incident beam along +z and the rocking axis along y;
 * the detector frame has its columns along x, rows along y and its normal along z.
 *
 * <p>Sign convention: both detector angles enter the right-handed rotations with a negative
 * sign, {@code M_D2L = Ry(-gamma) * Rx(-delta)}. The detector normal (outgoing beam) therefore
 * points along {@code M_D2L*(0,0,1) = (-sin(gamma)cos(delta), sin(delta), cos(gamma)cos(delta))}
 * in the lab: positive delta lifts the detector towards +y, positive gamma swings it towards -x,
 * and {@code cos(2 theta) = cos(gamma) cos(delta)}.
 *
 * <p>Voxel offsets are measured from the volume centre; offset zero is q = h, the scattering
 * vector at the detector centre and the central rocking angle.
 */
public final class DiffractometerGeometry {

	/** hc in keV * Angstrom, as used at HXN. */
	public static final double HC_KEV_ANGSTROM = 12.398;

	private final double energyKev;
	private final double deltaDeg;
	private final double gammaDeg;
	private final double distanceUm;
	private final double pixelUm;
	private final double rockingStepDeg;

	private final double k;
	private final double[][] detectorToLab;
	private final double[] columnStepLab;
	private final double[] rowStepLab;
	private final double[] angleStepLab;
	private final double[] k0Detector;
	private final double[] hDetector;
	private final double[] hLab;
	private final double hNorm;
	private final double[][] voxelToLab;
	/** Null when the geometry is degenerate (h = 0 or zero rocking step). */
	private final double[][] labToVoxel;
	private final double[][] labToCrystal;
	private final double[][] labToBeam;

	private DiffractometerGeometry(double energyKev, double deltaDeg, double gammaDeg,
								   double distanceUm, double pixelUm, double rockingStepDeg) {
		requirePositive(energyKev, "energyKev");
		requirePositive(distanceUm, "distanceUm");
		requirePositive(pixelUm, "pixelUm");
		if (!Double.isFinite(deltaDeg) || !Double.isFinite(gammaDeg) || !Double.isFinite(rockingStepDeg)) {
			throw new IllegalArgumentException("angles must be finite");
		}
		this.energyKev = energyKev;
		this.deltaDeg = deltaDeg;
		this.gammaDeg = gammaDeg;
		this.distanceUm = distanceUm;
		this.pixelUm = pixelUm;
		this.rockingStepDeg = rockingStepDeg;

		this.k = 1e4 / (HC_KEV_ANGSTROM / energyKev);
		double[][] mx = Mat3.rotationX(-Math.toRadians(deltaDeg));
		double[][] my = Mat3.rotationY(-Math.toRadians(gammaDeg));
		this.detectorToLab = Mat3.multiply(my, mx);
		double[][] labToDetector = Mat3.inverse(detectorToLab);

		double pixelQ = k * pixelUm / distanceUm;
		this.columnStepLab = Mat3.scale(Mat3.multiply(detectorToLab, new double[] {1, 0, 0}), pixelQ);
		this.rowStepLab = Mat3.scale(Mat3.multiply(detectorToLab, new double[] {0, 1, 0}), pixelQ);

		this.k0Detector = Mat3.scale(Mat3.multiply(labToDetector, new double[] {0, 0, 1}), k);
		this.hDetector = Mat3.subtract(new double[] {0, 0, k}, k0Detector);
		this.hLab = Mat3.multiply(detectorToLab, hDetector);
		this.hNorm = Mat3.norm(hLab);

		double[] rockingAxisDetector = Mat3.multiply(labToDetector, new double[] {0, 1, 0});
		double[] stepDetector = Mat3.scale(Mat3.cross(rockingAxisDetector, hDetector),
			-Math.toRadians(rockingStepDeg));
		this.angleStepLab = Mat3.multiply(detectorToLab, stepDetector);

		this.voxelToLab = Mat3.fromColumns(columnStepLab, rowStepLab, angleStepLab);
		this.labToVoxel = invertOrNull(voxelToLab);

		if (hNorm > 0 && Mat3.norm(angleStepLab) > 0) {
			double[] z = Mat3.normalize(hLab);
			// The rocking step is h x y, perpendicular to h in exact arithmetic; Gram-Schmidt
			// removes the rounding residue so labToCrystal is an exact rotation (inverse =
			// transpose) and crystal-frame components are a true orthonormal decomposition.
			// The sign of the step is kept so crystal x follows increasing angle index.
			double[] x = Mat3.subtract(angleStepLab, Mat3.scale(z, Mat3.dot(angleStepLab, z)));
			x = Mat3.normalize(x);
			double[] y = Mat3.cross(z, x);
			this.labToCrystal = Mat3.fromRows(x, y, z);

			double[] bz = {0, 0, 1};
			double[] by = Mat3.normalize(Mat3.cross(bz, z));
			double[] bx = Mat3.cross(by, bz);
			this.labToBeam = Mat3.fromRows(bx, by, bz);
		} else {
			this.labToCrystal = null;
			this.labToBeam = null;
		}
	}

	/**
	 * @param energyKev      photon energy in keV
	 * @param deltaDeg       detector angle delta (vertical) in degrees
	 * @param gammaDeg       detector angle gamma (horizontal) in degrees
	 * @param distanceUm     sample-detector distance in micrometres
	 * @param pixelUm        detector pixel size in micrometres
	 * @param rockingStepDeg rocking-angle step between consecutive angle indices, in degrees
	 */
	public static DiffractometerGeometry of(double energyKev, double deltaDeg, double gammaDeg,
											double distanceUm, double pixelUm, double rockingStepDeg) {
		return new DiffractometerGeometry(energyKev, deltaDeg, gammaDeg, distanceUm, pixelUm, rockingStepDeg);
	}

	/**
	 * What a scan descriptor lacks for reciprocal-space work (q coordinates, strain, tilt), in
	 * words a user can act on; null when it has everything.
	 */
	public static String missingFrom(final ScanDescriptor d, final int angles) {
		final List<String> missing = new ArrayList<>();
		if (!d.hasGeometry()) missing.add("'geometry' (energy_kev, delta_deg, gamma_deg)");
		if (!d.detector().hasPixelSize()) missing.add("'detector.pixel_um'");
		if (!d.detector().hasDistance()) missing.add("'detector.distance_um'");
		if (angles < 2) missing.add("at least two rocking angles");
		if (missing.isEmpty() && d.geometry().deltaDeg() == 0 && d.geometry().gammaDeg() == 0) missing.add("delta and gamma not both zero");
		return missing.isEmpty() ? null : "the descriptor lacks " + String.join(", ", missing);
	}

	/** The geometry a scan descriptor records; only when {@link #missingFrom} finds nothing missing. */
	public static DiffractometerGeometry of(final ScanDescriptor d, final double rockingStepDeg) {
		return of(d.geometry().energyKev(), d.geometry().deltaDeg(), d.geometry().gammaDeg(), d.detector().distanceUm(), d.detector().pixelUm(),
			rockingStepDeg);
	}

	/** Builder pre-set to an HXN-like (101) LiCoO2 setting: 12 keV, delta 18.1, gamma 28.5, 0.5 m, Merlin 55 um, 0.1 deg. */
	public static Builder builder() {
		return new Builder();
	}

	private static void requirePositive(double v, String name) {
		if (!(v > 0) || !Double.isFinite(v)) {
			throw new IllegalArgumentException(name + " must be positive and finite: " + v);
		}
	}

	private static double[][] invertOrNull(double[][] m) {
		try {
			return Mat3.inverse(m);
		} catch (IllegalArgumentException singular) {
			return null;
		}
	}

	// ---- inputs ----

	public double energyKev() {
		return energyKev;
	}

	public double deltaDeg() {
		return deltaDeg;
	}

	public double gammaDeg() {
		return gammaDeg;
	}

	public double distanceUm() {
		return distanceUm;
	}

	public double pixelUm() {
		return pixelUm;
	}

	public double rockingStepDeg() {
		return rockingStepDeg;
	}

	// ---- derived quantities ----

	public double wavelengthAngstrom() {
		return HC_KEV_ANGSTROM / energyKev;
	}

	/** Wave number 1/lambda in 1/um (no 2 pi). */
	public double k() {
		return k;
	}

	/** M_D2L: detector-frame vectors to lab frame. */
	public double[][] detectorToLab() {
		return Mat3.copy(detectorToLab);
	}

	/** Unit outgoing-beam direction (detector normal) in the lab frame. */
	public double[] outgoingBeamLab() {
		return Mat3.column(detectorToLab, 2);
	}

	/** Lab-frame q change for one detector column. */
	public double[] columnStepLab() {
		return columnStepLab.clone();
	}

	/** Lab-frame q change for one detector row. */
	public double[] rowStepLab() {
		return rowStepLab.clone();
	}

	/** Lab-frame q change for one rocking-angle index. */
	public double[] angleStepLab() {
		return angleStepLab.clone();
	}

	/** Incident wave vector in the detector frame. */
	public double[] k0Detector() {
		return k0Detector.clone();
	}

	/** Scattering vector at the detector centre, detector frame. */
	public double[] hDetector() {
		return hDetector.clone();
	}

	/** Scattering vector at the detector centre, lab frame. */
	public double[] hLab() {
		return hLab.clone();
	}

	public double hNorm() {
		return hNorm;
	}

	/** asin(|h| / 2k) in degrees. */
	public double braggAngleDeg() {
		return Math.toDegrees(Math.asin(Math.min(1.0, hNorm / (2 * k))));
	}

	public double twoThetaDeg() {
		return 2 * braggAngleDeg();
	}

	/** Columns: lab q per unit offset of (column, row, angle index) from the volume centre. */
	public double[][] voxelToLab() {
		return Mat3.copy(voxelToLab);
	}

	/** Inverse of {@link #voxelToLab()}; lab q offset from h to (column, row, angle index) offsets. */
	public double[][] labToVoxel() {
		return Mat3.copy(requireNonDegenerate(labToVoxel));
	}

	/** Rows are the crystal axes in the lab: x along the rocking step, z along h, y = z x x. */
	public double[][] labToCrystal() {
		return Mat3.copy(requireNonDegenerate(labToCrystal));
	}

	public double[][] crystalToLab() {
		return Mat3.transpose(requireNonDegenerate(labToCrystal));
	}

	/** Rows are the beam-frame axes in the lab: z = beam, y = z x h-hat, x = y x z. */
	public double[][] labToBeam() {
		return Mat3.copy(requireNonDegenerate(labToBeam));
	}

	/** Lab-frame q offset from h of a voxel offset (column, row, angle index) from the volume centre. */
	public double[] qOffsetLab(double column, double row, double angleIndex) {
		return Mat3.multiply(voxelToLab, new double[] {column, row, angleIndex});
	}

	/** Voxel offset (column, row, angle index) from the volume centre of a lab-frame q offset from h. */
	public double[] voxelOffset(double[] qOffsetLab) {
		return Mat3.multiply(requireNonDegenerate(labToVoxel), qOffsetLab);
	}

	private static double[][] requireNonDegenerate(double[][] m) {
		if (m == null) {
			throw new IllegalStateException(
				"degenerate geometry: h = 0 or zero rocking step (delta = gamma = 0?)");
		}
		return m;
	}

	@Override
	public String toString() {
		return String.format("DiffractometerGeometry[E=%.4g keV, delta=%.4g, gamma=%.4g, D=%.6g um, "
			+ "pixel=%.4g um, step=%.4g deg, 2theta=%.4f deg]",
			energyKev, deltaDeg, gammaDeg, distanceUm, pixelUm, rockingStepDeg, twoThetaDeg());
	}

	/** Mutable builder; every setter has the default documented on {@link #builder()}. */
	public static final class Builder {
		private double energyKev = 12.0;
		private double deltaDeg = 18.1;
		private double gammaDeg = 28.5;
		private double distanceUm = 500_000;
		private double pixelUm = 55;
		private double rockingStepDeg = 0.1;

		private Builder() {
		}

		public Builder energyKev(double v) {
			energyKev = v;
			return this;
		}

		public Builder deltaDeg(double v) {
			deltaDeg = v;
			return this;
		}

		public Builder gammaDeg(double v) {
			gammaDeg = v;
			return this;
		}

		public Builder distanceUm(double v) {
			distanceUm = v;
			return this;
		}

		public Builder pixelUm(double v) {
			pixelUm = v;
			return this;
		}

		public Builder rockingStepDeg(double v) {
			rockingStepDeg = v;
			return this;
		}

		public DiffractometerGeometry build() {
			return new DiffractometerGeometry(energyKev, deltaDeg, gammaDeg, distanceUm, pixelUm, rockingStepDeg);
		}
	}
}
