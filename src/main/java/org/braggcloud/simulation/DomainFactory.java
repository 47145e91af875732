package org.braggcloud.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Draws the random domain parameters of a particle; see {@link SampleModel} for the magnitudes. */
final class DomainFactory {

	// Peak widths (Gaussian sigma / |h|). Crystal x is the direction the rocking scan probes; it is
	// much wider than y and z because mosaic spread there adds to the angular convergence of the
	// focused beam, and with the default geometry it makes peaks span about 4-6 rocking angles
	// while staying a few detector pixels wide.
	static final double WIDTH_X_MIN = 1.5e-3;
	static final double WIDTH_X_MAX = 2.0e-3;
	static final double WIDTH_YZ_MIN = 3.2e-4;
	static final double WIDTH_YZ_MAX = 4.2e-4;
	/** Largest strain or tiltX change across a particle radius from the in-domain gradients. */
	static final double GRADIENT_SPAN = 1.5e-4;
	static final double SPLIT_FRACTION_MIN = 0.30;
	static final double SPLIT_FRACTION_MAX = 0.45;
	/** Sub-grain separation in units of the peak sigma along the separation: resolved, not far. */
	static final double SPLIT_SEPARATION_MIN = 2.6;
	static final double SPLIT_SEPARATION_MAX = 3.2;
	static final double STREAK_WIDTH_MIN = 7e-4;
	static final double STREAK_WIDTH_MAX = 9e-4;
	/** Streaks lie mostly in the crystal y-z plane, which the detector images directly. */
	static final double STREAK_X_COMPONENT = 0.25;

	private DomainFactory() {
	}

	/** Blob domains, kinds cycled from {@code kinds}. */
	static List<Domain> create(SplittableRandom rng, Particle particle, int count, Domain.Kind[] kinds,
							   double strainAmplitude, double tiltAmplitude) {
		return create(rng, particle, count, kinds, strainAmplitude, tiltAmplitude, null, null, null);
	}

	/**
	 * Domains of either style. Faceted domains (when {@code reference} is not null) draw their
	 * base parameters from {@code rng} as blobs do, and their rod variant, cycled from
	 * {@code facetKinds}, from {@code facetRng}.
	 */
	static List<Domain> create(SplittableRandom rng, Particle particle, int count, Domain.Kind[] kinds,
							   double strainAmplitude, double tiltAmplitude, FacetKind[] facetKinds,
							   List<TruncationRod> reference, SplittableRandom facetRng) {
		boolean faceted = reference != null;
		int[] order = shuffledIndices(kinds.length, rng);
		int[] facetOrder = faceted ? shuffledIndices(facetKinds.length, facetRng) : null;
		double radius = 0.5 * (particle.semiAxisU() + particle.semiAxisV());
		List<Domain> domains = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			double[] centre = pointInside(particle, rng);
			// Cycling through a shuffled list guarantees every allowed kind appears when count allows.
			Domain.Kind kind = faceted ? Domain.Kind.FACETED : kinds[order[i % kinds.length]];
			double strain = symmetric(rng, strainAmplitude);
			double tiltX = symmetric(rng, tiltAmplitude);
			double tiltY = symmetric(rng, tiltAmplitude);
			double[] strainGradient = gradient(rng, GRADIENT_SPAN * strainAmplitude / 1e-3 / radius);
			double[] tiltGradient = gradient(rng, GRADIENT_SPAN * tiltAmplitude / 1e-3 / radius);
			double wx = uniform(rng, WIDTH_X_MIN, WIDTH_X_MAX);
			double wy = uniform(rng, WIDTH_YZ_MIN, WIDTH_YZ_MAX);
			double wz = uniform(rng, WIDTH_YZ_MIN, WIDTH_YZ_MAX);

			double splitFraction = 0;
			double splitX = 0;
			double splitY = 0;
			double sx = 0;
			double sy = 0;
			double sz = 0;
			double streakWidth = 0;
			FacetedPeak facets = null;
			if (faceted) {
				facets = FacetFactory.variant(facetRng, facetKinds[facetOrder[i % facetKinds.length]], reference);
				// Mosaic spread widens the core perpendicular to h, not along it.
				wx *= facets.coreBroadening();
				wy *= facets.coreBroadening();
			} else if (kind == Domain.Kind.SPLIT) {
				splitFraction = uniform(rng, SPLIT_FRACTION_MIN, SPLIT_FRACTION_MAX);
				double separation = uniform(rng, SPLIT_SEPARATION_MIN, SPLIT_SEPARATION_MAX);
				double phi = rng.nextDouble(2 * Math.PI);
				splitX = separation * wx * Math.cos(phi);
				splitY = separation * wy * Math.sin(phi);
				// Put the second sub-grain on the side of the volume centre so it stays inside.
				if (splitX * tiltX > 0) {
					splitX = -splitX;
				}
			} else if (kind == Domain.Kind.STREAK) {
				double phi = rng.nextDouble(2 * Math.PI);
				double[] dir = {symmetric(rng, STREAK_X_COMPONENT), Math.cos(phi), Math.sin(phi)};
				double n = Math.sqrt(dir[0] * dir[0] + dir[1] * dir[1] + dir[2] * dir[2]);
				sx = dir[0] / n;
				sy = dir[1] / n;
				sz = dir[2] / n;
				streakWidth = uniform(rng, STREAK_WIDTH_MIN, STREAK_WIDTH_MAX);
			}
			domains.add(new Domain(i + 1, kind, centre[0], centre[1], strain, tiltX, tiltY,
				strainGradient[0], strainGradient[1], tiltGradient[0], tiltGradient[1],
				wx, wy, wz, splitFraction, splitX, splitY, sx, sy, sz, streakWidth, facets));
		}
		return List.copyOf(domains);
	}

	private static int[] shuffledIndices(int n, SplittableRandom rng) {
		int[] idx = new int[n];
		for (int i = 0; i < n; i++) {
			idx[i] = i;
		}
		for (int i = n - 1; i > 0; i--) {
			int j = rng.nextInt(i + 1);
			int t = idx[i];
			idx[i] = idx[j];
			idx[j] = t;
		}
		return idx;
	}

	/** Uniform point in the inner part of the ellipse, so no cell is only a sliver at the rim. */
	private static double[] pointInside(Particle p, SplittableRandom rng) {
		double extent = Math.max(p.semiAxisU(), p.semiAxisV());
		while (true) {
			double x = p.centreX() + symmetric(rng, extent);
			double y = p.centreY() + symmetric(rng, extent);
			if (p.radius2(x, y) < 0.7) {
				return new double[] {x, y};
			}
		}
	}

	private static double[] gradient(SplittableRandom rng, double maxMagnitude) {
		double magnitude = rng.nextDouble() * maxMagnitude;
		double angle = rng.nextDouble(2 * Math.PI);
		return new double[] {magnitude * Math.cos(angle), magnitude * Math.sin(angle)};
	}

	private static double symmetric(SplittableRandom rng, double amplitude) {
		return amplitude == 0 ? 0 : (2 * rng.nextDouble() - 1) * amplitude;
	}

	private static double uniform(SplittableRandom rng, double lo, double hi) {
		return lo + (hi - lo) * rng.nextDouble();
	}
}
