package org.braggcloud.simulation;

/** Family of diffraction peaks a simulated particle produces. */
public enum PeakStyle {
	/** Compact Gaussian peaks (single, split or streaked; see {@link Domain.Kind}). */
	BLOB,
	/**
	 * A Gaussian core crossed by crystal truncation rods, as a faceted crystal gives: the streaks
	 * reach across much of the detector and rocking range (see {@link FacetKind}).
	 */
	FACETED
}
