package org.braggcloud.preparation;

import org.braggcloud.correction.DeadPixelFill;
import org.braggcloud.correction.DetectorBackground;
import org.braggcloud.correction.HotPixels;
import org.braggcloud.scan.RockingScan;

/**
 * A scan made ready for per-pixel analysis: drift-corrected view, hot pixels, particle mask and
 * detector background. Shared by the conventional maps and the point-cloud step so that both see
 * the same corrections.
 *
 * @param view       the scan as analysed (drift-corrected when shifts are given)
 * @param shifts     per angle {dy, dx} applied to the view, or null when not aligned
 * @param hot        hot detector pixels
 * @param evidence   each scan point's evidence of a Bragg peak: its largest box deviate against its
 *                   own background ({@link org.braggcloud.correction.ScanEvidence}), ny x nx
 * @param mask       scan points carrying a Bragg peak (ny x nx)
 * @param background background counts per detector pixel per frame, with each scan point's own level
 *                   (dead pixels hold the background their filling gives them)
 * @param gaps       fills the dead detector pixels of a volume before it is measured or turned into a cloud
 */
public record PreparedScan(RockingScan view, double[][] shifts, HotPixels hot, float[] evidence, boolean[] mask,
	DetectorBackground background, DeadPixelFill gaps)
{
	/**
	 * The same preparation with the mask cut to {@code points} (ny x nx): a block of the scan, whose
	 * clouds are those the whole scan gives at those points.
	 */
	public PreparedScan restrictedTo(final boolean[] points) {
		if (points.length != mask.length) throw new IllegalArgumentException(points.length + " points for a mask of " + mask.length);
		final boolean[] cut = new boolean[mask.length];
		for (int i = 0; i < cut.length; i++) cut[i] = mask[i] && points[i];
		return new PreparedScan(view, shifts, hot, evidence, cut, background, gaps);
	}

	/** What the preparation found, without the scan, to be applied to the same scan elsewhere. */
	public PreparationState state() {
		return new PreparationState(shifts, hot, evidence, mask, background, gaps);
	}

	public int maskedCount() {
		int n = 0;
		for (final boolean m : mask)
			if (m) n++;
		return n;
	}
}
