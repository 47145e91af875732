package org.braggcloud.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.braggcloud.geometry.Mat3;

/**
 * Draws the truncation rods of a faceted particle: one reference pattern per particle (the facets
 * of the crystal), then each domain's variant of it.
 *
 * <p>Magnitudes at the default geometry (12 keV, 0.5 m, 55 um, 0.1 deg): 1e-3 |h| is about
 * 5.4 detector pixels or 0.68 angle steps, so in the paper's (row, column, 10 x angle) units
 * 1e-3 |h| is 5-7 units. A rod of length L and relative strength S stays above a fraction f of
 * the core's peak out to {@code s = L sqrt(S / f - 1)}: with the defaults and f = 3 % that is
 * 0.01-0.025 |h| either side, about 50-150 units, the reach of the measured cloud's streaks
 * (it spans about 190 x 75 x 200 units).
 */
final class FacetFactory {

	static final double LENGTH_MIN = 6e-3;
	static final double LENGTH_MAX = 1e-2;
	/** Narrower than the core (sigma_yz 3.2-4.2e-4): rods are sharp lines on the detector. */
	static final double WIDTH_MIN = 2.5e-4;
	static final double WIDTH_MAX = 3.5e-4;
	static final double STRENGTH_MIN = 0.25;
	static final double STRENGTH_MAX = 0.45;
	/** Rods of one crystal are normals of distinct facets: never nearly parallel. */
	static final double MIN_ROD_SEPARATION_DEG = 40;
	static final double ROTATION_MIN_DEG = 15;
	static final double ROTATION_MAX_DEG = 35;
	/** Distance between the two rods of a split pair, in rod widths: resolved on the detector. */
	static final double SPLIT_SEPARATION_MIN = 5;
	static final double SPLIT_SEPARATION_MAX = 7;
	static final double BROADENING_MIN = 1.6;
	static final double BROADENING_MAX = 2.2;

	private FacetFactory() {
	}

	/** Two or three rods in well separated random directions, sharing the particle's rocking width. */
	static List<TruncationRod> reference(SplittableRandom rng) {
		int count = 2 + rng.nextInt(2);
		double rockingWidth = uniform(rng, DomainFactory.WIDTH_X_MIN, DomainFactory.WIDTH_X_MAX);
		double maxDot = Math.cos(Math.toRadians(MIN_ROD_SEPARATION_DEG));
		List<TruncationRod> rods = new ArrayList<>(count);
		while (rods.size() < count) {
			double[] u = randomUnit(rng);
			boolean separated = true;
			for (TruncationRod r : rods) {
				separated &= Math.abs(Mat3.dot(u, r.direction())) <= maxDot;
			}
			if (!separated) {
				continue;
			}
			rods.add(new TruncationRod(u[0], u[1], u[2], uniform(rng, LENGTH_MIN, LENGTH_MAX),
				uniform(rng, WIDTH_MIN, WIDTH_MAX), rockingWidth, uniform(rng, STRENGTH_MIN, STRENGTH_MAX),
				0, 0, 0, false));
		}
		return List.copyOf(rods);
	}

	/** The domain's variant of the reference pattern. */
	static FacetedPeak variant(SplittableRandom rng, FacetKind kind, List<TruncationRod> reference) {
		switch (kind) {
			case ROTATED: {
				double deg = uniform(rng, ROTATION_MIN_DEG, ROTATION_MAX_DEG) * (rng.nextBoolean() ? 1 : -1);
				List<TruncationRod> rods = new ArrayList<>();
				for (TruncationRod r : reference) {
					rods.add(r.withDirection(rotateAboutZ(r.direction(), Math.toRadians(deg))));
				}
				return new FacetedPeak(kind, rods, deg, 1, 0);
			}
			case SPLIT_RODS: {
				double separationInWidths = uniform(rng, SPLIT_SEPARATION_MIN, SPLIT_SEPARATION_MAX);
				double largest = 0;
				List<TruncationRod> rods = new ArrayList<>();
				for (TruncationRod r : reference) {
					double separation = separationInWidths * r.width();
					largest = Math.max(largest, separation);
					double[] across = acrossInDetectorPlane(r.direction());
					for (int side = -1; side <= 1; side += 2) {
						double f = 0.5 * side * separation;
						// The two halves of the crystal share the rod's intensity.
						rods.add(r.withOffset(new double[] {f * across[0], f * across[1], f * across[2]},
							0.5 * r.strength()));
					}
				}
				return new FacetedPeak(kind, rods, 0, 1, largest);
			}
			case ONE_SIDED: {
				List<TruncationRod> rods = new ArrayList<>();
				for (TruncationRod r : reference) {
					rods.add(r.oneSidedCopy());
				}
				return new FacetedPeak(kind, rods, 0, 1, 0);
			}
			case BROADENED:
				return new FacetedPeak(kind, reference, 0, uniform(rng, BROADENING_MIN, BROADENING_MAX), 0);
			case SHIFTED:
			default:
				return new FacetedPeak(kind, reference, 0, 1, 0);
		}
	}

	/**
	 * Unit vector across the rod and across crystal x: the split then shows on the detector,
	 * where rods are sharp, not along the rocking direction, where they are wide.
	 */
	private static double[] acrossInDetectorPlane(double[] u) {
		double[] a = Mat3.cross(u, new double[] {1, 0, 0});
		if (Mat3.norm(a) < 0.1) {
			a = Mat3.cross(u, new double[] {0, 1, 0});
		}
		return Mat3.normalize(a);
	}

	static double[] rotateAboutZ(double[] u, double rad) {
		double c = Math.cos(rad);
		double s = Math.sin(rad);
		return new double[] {c * u[0] - s * u[1], s * u[0] + c * u[1], u[2]};
	}

	private static double[] randomUnit(SplittableRandom rng) {
		while (true) {
			double[] u = {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
			if (Mat3.norm(u) > 1e-6) {
				return Mat3.normalize(u);
			}
		}
	}

	private static double uniform(SplittableRandom rng, double lo, double hi) {
		return lo + (hi - lo) * rng.nextDouble();
	}
}
