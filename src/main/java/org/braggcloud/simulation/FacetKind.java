package org.braggcloud.simulation;

/**
 * How a faceted domain's rod pattern differs from the particle's reference pattern (the facets
 * of the one crystal the domains belong to). Every domain also has its own strain and tilts.
 */
public enum FacetKind {
	/** Rods rotated about the scattering vector h: a grain rotated about the reflection. */
	ROTATED,
	/** Each rod split into two parallel rods: a boundary between two halves of the domain. */
	SPLIT_RODS,
	/** Rods on one side of the core only: the asymmetric strain field of a dislocation. */
	ONE_SIDED,
	/** The reference pattern, moved only by the domain's own strain and tilts. */
	SHIFTED,
	/** The core broadened perpendicular to h: mosaic spread. */
	BROADENED
}
