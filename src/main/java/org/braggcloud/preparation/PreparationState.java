package org.braggcloud.preparation;

import java.io.Serializable;

import org.braggcloud.correction.DeadPixelFill;
import org.braggcloud.correction.DetectorBackground;
import org.braggcloud.correction.HotPixels;
import org.braggcloud.scan.RockingScan;

/**
 * What preparing a scan found (drift, hot pixels, evidence, mask, background, detector gaps),
 * without the scan itself: a process that opens the same scan applies it with {@link #on} and
 * gets the {@link PreparedScan} the preparing process had, without preparing again (a Spark
 * executor that makes the clouds of one block of a large scan).
 */
public record PreparationState(double[][] shifts, HotPixels hot, float[] evidence, boolean[] mask, DetectorBackground background,
	DeadPixelFill gaps) implements Serializable
{

	private static final long serialVersionUID = 1L;

	/** This preparation on {@code scan}, which must be the scan it was found on. */
	public PreparedScan on(final RockingScan scan) {
		if (scan.grid().pointCount() != mask.length)
			throw new IllegalArgumentException("a preparation of " + mask.length + " scan points for a scan of " + scan.grid().pointCount());
		return new PreparedScan(shifts == null ? scan : scan.aligned(shifts), shifts, hot, evidence, mask, background, gaps);
	}
}
