package org.braggcloud.simulation;

/**
 * One crystal truncation rod of a faceted peak, in the crystal frame, lengths relative to |h|.
 * The rod is a line through the core (moved by {@code offset}) along a unit direction normal to
 * a facet. Along the rod the intensity falls as a Lorentzian {@code 1 / (1 + (s / length)^2)},
 * s the distance from the core; across it, it is Gaussian: sigma {@code width} in the crystal
 * y-z plane and {@code rockingWidth} along crystal x, where the beam convergence and mosaic
 * spread that widen the core in the rocking direction widen the rod too.
 *
 * @param directionX   unit direction, crystal x (the rocking direction)
 * @param directionY   crystal y
 * @param directionZ   crystal z (along h)
 * @param length       Lorentzian half-width at half-maximum along the rod, / |h|
 * @param width        transverse Gaussian sigma in the crystal y-z plane, / |h|
 * @param rockingWidth transverse Gaussian sigma along crystal x, / |h|
 * @param strength     peak density on the rod axis at the core, relative to the core's peak density
 * @param offsetX      offset of the rod axis from the core centre, crystal x, / |h| (0 unless split)
 * @param offsetY      crystal y
 * @param offsetZ      crystal z
 * @param oneSided     true: only the half {@code s >= 0} is present
 */
public record TruncationRod(double directionX, double directionY, double directionZ,
							double length, double width, double rockingWidth, double strength,
							double offsetX, double offsetY, double offsetZ, boolean oneSided) {

	double[] direction() {
		return new double[] {directionX, directionY, directionZ};
	}

	double[] offset() {
		return new double[] {offsetX, offsetY, offsetZ};
	}

	TruncationRod withDirection(double[] u) {
		return new TruncationRod(u[0], u[1], u[2], length, width, rockingWidth, strength,
			offsetX, offsetY, offsetZ, oneSided);
	}

	TruncationRod withOffset(double[] o, double newStrength) {
		return new TruncationRod(directionX, directionY, directionZ, length, width, rockingWidth,
			newStrength, o[0], o[1], o[2], oneSided);
	}

	TruncationRod oneSidedCopy() {
		return new TruncationRod(directionX, directionY, directionZ, length, width, rockingWidth,
			strength, offsetX, offsetY, offsetZ, true);
	}
}
