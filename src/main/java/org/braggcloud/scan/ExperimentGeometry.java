package org.braggcloud.scan;

/**
 * Diffraction geometry of a scan as recorded at the beamline.
 *
 * @param energyKev photon energy
 * @param deltaDeg  detector angle delta
 * @param gammaDeg  detector angle gamma
 * @param braggDeg  Bragg angle of the reflection; NaN when not recorded
 */
public record ExperimentGeometry(double energyKev, double deltaDeg, double gammaDeg, double braggDeg) {

	public boolean hasBraggAngle() {
		return !Double.isNaN(braggDeg);
	}
}
