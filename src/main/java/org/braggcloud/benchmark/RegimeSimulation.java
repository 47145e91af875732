package org.braggcloud.benchmark;

import org.braggcloud.simulation.PeakStyle;
import org.braggcloud.simulation.SampleModel;

/**
 * The simulator settings of a regime: its peak style and maximum, a flat or particle-shaped
 * background, and the detector defects every real detector has (dead columns, hot pixels).
 */
public final class RegimeSimulation {

	/** Every regime has detector defects, as real detectors do. */
	static final int DEAD_COLUMNS = 2;
	static final int HOT_PIXELS = 3;
	/** A rocking step of 0.1 degree, as the simulator's default. */
	static final double ANGLE_STEP_DEG = 0.1;

	private RegimeSimulation() {}

	/** A model of the regime on an nx x ny scan. */
	public static SampleModel.Builder builder(final Regime regime, final int nx, final int ny, final long seed) {
		final SampleModel.Builder b = SampleModel.builder().nx(nx).ny(ny).detectorRows(regime.roi()).detectorColumns(regime.roi())
			.anglesDeg(angles(regime.angles())).domains(regime.domains()).maxDriftPx(regime.driftPx()).hotPixels(HOT_PIXELS)
			.seed(seed);
		b.peakStyle(PeakStyle.valueOf(regime.style().name())).peakMaximum(regime.peakMaximum()).deadColumns(DEAD_COLUMNS);
		// Particle-shaped: fluorescence following the thickness, over a flat tenth of it (air scatter).
		if (regime.shape() == Regime.BackgroundShape.PARTICLE)
			b.backgroundCounts(0.1 * regime.background()).fluorescenceCounts(regime.background());
		else b.backgroundCounts(regime.background());
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
