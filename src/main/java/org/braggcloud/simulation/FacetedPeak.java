package org.braggcloud.simulation;

import java.util.List;

/**
 * The rod pattern of one faceted domain: its variant of the particle's reference pattern.
 *
 * @param kind           how the pattern differs from the reference
 * @param rods           the rods drawn for this domain (a SPLIT_RODS domain has two per reference rod)
 * @param rotationDeg    ROTATED only: rotation of the rods about crystal z (h), degrees (else 0)
 * @param coreBroadening BROADENED only: factor on the core's x and y widths (else 1); the
 *                       domain's widths already include it
 * @param splitSeparation SPLIT_RODS only: distance between the two rods of a pair / |h| (else 0)
 */
public record FacetedPeak(FacetKind kind, List<TruncationRod> rods, double rotationDeg,
						  double coreBroadening, double splitSeparation) {

	public FacetedPeak {
		rods = List.copyOf(rods);
	}
}
