package org.braggcloud.preparation;

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
 * @param integrated integrated intensity of each scan point in the view, hot pixels excluded (ny x nx)
 * @param mask       scan points carrying a Bragg peak (ny x nx)
 * @param background background counts per detector pixel per frame
 */
public record PreparedScan(RockingScan view, double[][] shifts, HotPixels hot, float[] integrated, boolean[] mask,
	DetectorBackground background)
{
	public int maskedCount() {
		int n = 0;
		for (final boolean m : mask)
			if (m) n++;
		return n;
	}
}
