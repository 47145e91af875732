package org.braggcloud.benchmark;

import org.braggcloud.simulation.SampleModel;

/**
 * The simulator settings of a regime. The simulator's peak style, peak maximum, fluorescence and
 * dead-line options are being added on another branch; until they arrive some axes are
 * approximated here (see {@link #PENDING}), and this class is the one place that changes.
 */
public final class RegimeSimulation {

	/**
	 * Integrated counts of a peak per count in its brightest voxel, for today's
	 * {@code peakCounts}: a Gaussian of the default widths (about 2 x 2 detector pixels x 1.2
	 * angle steps sigma) spreads its counts over roughly this many voxels' worth.
	 */
	static final double COUNTS_PER_PEAK_MAXIMUM = 150;
	/** Every regime has detector defects, as real detectors do. */
	static final int DEAD_COLUMNS = 2;
	static final int HOT_PIXELS = 3;
	/** A rocking step of 0.1 degree, as the simulator's default. */
	static final double ANGLE_STEP_DEG = 0.1;

	/** What the table's rows do not yet vary, said beside every report. */
	public static final String PENDING = "simulator options pending: faceted peaks are simulated as blobs, the peak maximum as integrated counts of "
		+ (int) COUNTS_PER_PEAK_MAXIMUM + " x the maximum, particle-shaped background as flat, no dead columns";

	private RegimeSimulation() {}

	/** A model of the regime on an nx x ny scan. */
	public static SampleModel.Builder builder(final Regime regime, final int nx, final int ny, final long seed) {
		final SampleModel.Builder b = SampleModel.builder().nx(nx).ny(ny).detectorRows(regime.roi()).detectorColumns(regime.roi())
			.anglesDeg(angles(regime.angles())).domains(regime.domains()).maxDriftPx(regime.driftPx()).hotPixels(HOT_PIXELS)
			.seed(seed);
		// --- These lines change when the simulator's new options arrive (then drop PENDING) ---
		// b.peakStyle(PeakStyle.valueOf(regime.style().name()));   // org.braggcloud.simulation.PeakStyle
		// b.peakMaximum(regime.peakMaximum());                      // instead of peakCounts below
		// b.deadColumns(DEAD_COLUMNS);
		// if (regime.shape() == Regime.BackgroundShape.PARTICLE) b.backgroundCounts(0).fluorescenceCounts(regime.background());
		// else b.backgroundCounts(regime.background());
		b.peakCounts(regime.peakMaximum() * COUNTS_PER_PEAK_MAXIMUM);
		b.backgroundCounts(regime.background());
		// --- end of the lines that change ---
		return b;
	}

	/** Centred on the nominal Bragg condition; rounded so scan.json holds no binary noise. */
	static double[] angles(final int n) {
		final double[] a = new double[n];
		for (int i = 0; i < n; i++)
			a[i] = Math.round((i - (n - 1) / 2.0) * ANGLE_STEP_DEG * 1e9) / 1e9;
		return a;
	}
}
