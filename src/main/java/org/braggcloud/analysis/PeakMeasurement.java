package org.braggcloud.analysis;

/**
 * What one scan point's Bragg peak looks like, after background and hot-pixel removal. Positions
 * are 0-based detector rows and columns and fractional angle indices; NaN where undefined (no
 * peak, or a width whose half-maximum is not reached inside the volume).
 *
 * @param integrated         background-subtracted counts of the whole volume
 * @param rockingPeakIndex   angle index of the rocking curve's maximum, refined by a parabola
 *                           through the top three points
 * @param centroidRow        3D intensity-weighted centre
 * @param centroidColumn     3D intensity-weighted centre
 * @param centroidAngleIndex 3D intensity-weighted centre
 * @param fwhmRow            full width at half maximum of the row marginal (pixels)
 * @param fwhmColumn         same for the column marginal
 * @param fwhmAngleIndex     same for the rocking curve (angle steps)
 * @param comRowAtPeak       centre of mass of the frame at the rocking peak (the paper's COM)
 * @param comColumnAtPeak    same, column
 */
public record PeakMeasurement(double integrated, double rockingPeakIndex, double centroidRow, double centroidColumn,
	double centroidAngleIndex, double fwhmRow, double fwhmColumn, double fwhmAngleIndex, double comRowAtPeak,
	double comColumnAtPeak)
{
	public static final PeakMeasurement NONE = new PeakMeasurement(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
		Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
}
