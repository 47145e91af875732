package org.braggcloud.simulation;

/**
 * Ground-truth parameters of one crystal domain (one Voronoi cell of the particle).
 *
 * <p>Strain and tilts are dimensionless (tilts in radians): the main peak of a pixel at the
 * domain centre sits at {@code dq = (tiltX, tiltY, -strain) * |h|} in the crystal frame. Inside
 * the domain the strain and tiltX vary linearly with the scan position (a gentle gradient and
 * a lattice bend), per scan pixel. Widths are Gaussian standard deviations relative to |h|.
 *
 * @param label           1-based label used in {@link GroundTruth#labels()}
 * @param kind            peak shape family
 * @param centreX         Voronoi seed, scan x (continuous pixel coordinates, angle-0 frame)
 * @param centreY         Voronoi seed, scan y
 * @param strain          strain at the seed, -dq_z/|h|
 * @param tiltX           tilt at the seed, dq_x/|h| (about the axis that rocking probes)
 * @param tiltY           tilt at the seed, dq_y/|h|
 * @param strainGradientX strain change per scan pixel along x
 * @param strainGradientY strain change per scan pixel along y
 * @param tiltXGradientX  tiltX change per scan pixel along x (lattice bending)
 * @param tiltXGradientY  tiltX change per scan pixel along y
 * @param widthX          sigma along crystal x / |h|: mosaic spread plus beam convergence
 * @param widthY          sigma along crystal y / |h|: mosaic spread
 * @param widthZ          sigma along crystal z / |h|: finite size and strain inhomogeneity
 * @param splitFraction   SPLIT only: share of the integrated intensity in the second sub-grain (else 0)
 * @param splitTiltX      SPLIT only: tilt of the second sub-grain relative to the first, crystal x
 * @param splitTiltY      SPLIT only: same, crystal y
 * @param streakX         STREAK only: unit streak direction in the crystal frame (else 0)
 * @param streakY         STREAK only
 * @param streakZ         STREAK only
 * @param streakWidth     STREAK only: extra sigma along the streak / |h| (else 0)
 * @param facets          FACETED only: the domain's truncation-rod pattern (else null)
 */
public record Domain(int label, Kind kind, double centreX, double centreY,
					 double strain, double tiltX, double tiltY,
					 double strainGradientX, double strainGradientY,
					 double tiltXGradientX, double tiltXGradientY,
					 double widthX, double widthY, double widthZ,
					 double splitFraction, double splitTiltX, double splitTiltY,
					 double streakX, double streakY, double streakZ, double streakWidth,
					 FacetedPeak facets) {

	/** Peak shape family of a domain. */
	public enum Kind {
		/** One Gaussian peak. */
		SINGLE,
		/** Two sub-grains with a small relative tilt, seen together by the beam: two peaks. */
		SPLIT,
		/** One peak elongated along one direction, as from planar defects (stacking faults). */
		STREAK,
		/**
		 * A core crossed by truncation rods ({@link #facets()}); set by
		 * {@link PeakStyle#FACETED}, not a choice for {@link SampleModel.Builder#kinds}.
		 */
		FACETED
	}

	/** The blob kinds, the defaults of {@link SampleModel.Builder#kinds}. */
	static Kind[] blobKinds() {
		return new Kind[] {Kind.SINGLE, Kind.SPLIT, Kind.STREAK};
	}

	/** Strain at scan position (x, y), angle-0 frame. */
	public double strainAt(double x, double y) {
		return strain + strainGradientX * (x - centreX) + strainGradientY * (y - centreY);
	}

	/** tiltX at scan position (x, y), angle-0 frame. */
	public double tiltXAt(double x, double y) {
		return tiltX + tiltXGradientX * (x - centreX) + tiltXGradientY * (y - centreY);
	}
}
