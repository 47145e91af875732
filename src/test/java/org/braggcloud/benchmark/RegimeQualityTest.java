package org.braggcloud.benchmark;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.braggcloud.benchmark.Regime.BackgroundShape;
import org.braggcloud.benchmark.Regime.Style;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A few cells of the robustness benchmark, small, held to the quality the pipeline must keep
 * outside its simulator's defaults: the weakest contrast we promise (peaks of 10 counts over 1
 * count of background), faceted peaks over fluorescence, and a wide ROI. Every scan has dead
 * columns, hot pixels and drift. The bars sit a little below what these cells measure (README,
 * "Quality and time"), so a regression shows and noise does not.
 */
class RegimeQualityTest {

	@ParameterizedTest(name = "{0} peaks of {1} over {2} ({3}), ROI {4}")
	@CsvSource({
		"BLOB, 10, 1, FLAT, 48, 0.90, 0.90, 0.85",
		"FACETED, 200, 0.1, PARTICLE, 48, 0.90, 0.85, 0.85",
		"BLOB, 200, 0.1, FLAT, 128, 0.90, 0.90, 0.85" })
	void holdsItsQuality(final Style style, final double peak, final double background, final BackgroundShape shape, final int roi,
		final double iouBar, final double givenBar, final double automaticBar) throws IOException
	{
		final Regime regime = new Regime(style, peak, background, shape, roi, Regime.anglesFor(roi), 4, 1.5);
		// The benchmark's own scan size and seed: these are rows of its README table.
		final RegimeResult r = new RobustnessBenchmark().scanSize(40, 30).seed(1).threads(2).run(regime);
		System.out.println(RegimeTable.markdownRow(r));
		assertNull(r.given().failure(), r.given().failure());
		assertNull(r.automatic().failure(), r.automatic().failure());
		assertTrue(r.maskIoU() >= iouBar, "mask IoU " + r.maskIoU());
		assertTrue(r.given().ari() >= givenBar, "ARI with K given " + r.given().ari());
		assertTrue(r.automatic().ari() >= automaticBar, "ARI with automatic K " + r.automatic().ari() + " (K " + r.automatic().k() + ")");
	}
}
