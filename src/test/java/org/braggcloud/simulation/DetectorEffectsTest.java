package org.braggcloud.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Peak maximum, fluorescence background and dead detector lines. */
class DetectorEffectsTest {

	private static int[] pixel(Domain d) {
		return new int[] {(int) Math.round(d.centreX()), (int) Math.round(d.centreY())};
	}

	/** Brightest expected voxel of scan pixel (x, y), background excluded, per unit thickness. */
	private static double brightestPerThickness(SampleModel m, int x, int y) {
		float[] f = new float[m.detectorRows() * m.detectorColumns()];
		double max = 0;
		for (int a = 0; a < m.angleCount(); a++) {
			m.expectedFrame(a, x, y, f);
			for (float v : f) {
				max = Math.max(max, v - m.backgroundCounts());
			}
		}
		return max / m.truth().thickness()[y * m.nx() + x];
	}

	@Test
	void peakMaximumSetsTheBrightestVoxelForBothStyles() {
		for (PeakStyle style : PeakStyle.values()) {
			SampleModel m = SampleModel.builder().peakStyle(style).detectorRows(96).detectorColumns(96)
				.domains(5).peakMaximum(800).peakCounts(1).hotPixels(0).seed(6).build();
			assertEquals(800, m.peakMaximumCounts(), 1e-6, style.name());
			assertTrue(m.peakCounts() > 1, "peakMaximum overrides peakCounts");
			// Domain centres rounded to a pixel, thickness divided out: the mean brightest voxel
			// is the requested one (each domain's own differs with its shape).
			double mean = 0;
			for (Domain d : m.truth().domains()) {
				int[] p = pixel(d);
				mean += brightestPerThickness(m, p[0], p[1]) / m.truth().domains().size();
			}
			assertEquals(800, mean, 0.25 * 800, style.name());
		}
		// Unset, peakCounts rules and the maximum follows from it.
		SampleModel blob = SampleModel.builder().build();
		assertEquals(20_000, blob.peakCounts(), 0);
		assertTrue(blob.peakMaximumCounts() > 50 && blob.peakMaximumCounts() < 2000, "" + blob.peakMaximumCounts());
	}

	@Test
	void fluorescenceFollowsThicknessAndIgnoresTheAngle() {
		double fluorescence = 10;
		SampleModel m = SampleModel.builder().fluorescenceCounts(fluorescence).peakCounts(0).hotPixels(0)
			.seed(8).build();
		int n = m.detectorRows() * m.detectorColumns();
		float[] f = new float[n];
		// Off the particle: the flat background only.
		m.expectedFrame(4, 0, 0, f);
		for (float v : f) {
			assertEquals((float) m.backgroundCounts(), v, 0f);
		}
		Particle p = m.truth().particle();
		int x = (int) Math.round(p.centreX());
		int y = (int) Math.round(p.centreY());
		double t = p.thickness(x, y);
		assertTrue(t > 0.95);
		float[] first = null;
		for (int a = 0; a < m.angleCount(); a++) {
			m.expectedFrame(a, x, y, f);
			double sum = 0;
			double lo = Double.MAX_VALUE;
			double hi = -Double.MAX_VALUE;
			for (float v : f) {
				double extra = (v - m.backgroundCounts()) / (fluorescence * t);
				sum += extra;
				lo = Math.min(lo, extra);
				hi = Math.max(hi, extra);
			}
			// Mean 1, a gradient of +-20 % at most, and a real one (not flat).
			assertEquals(1, sum / n, 1e-4);
			assertTrue(lo >= 0.8 - 1e-4 && hi <= 1.2 + 1e-4, lo + " .. " + hi);
			assertTrue(hi - lo > 0.2, "gradient " + (hi - lo));
			if (first == null) {
				first = f.clone();
			} else {
				for (int i = 0; i < n; i++) {
					assertEquals(first[i], f[i], 0f, "angle " + a);
				}
			}
		}
	}

	@Test
	void deadLinesReadZeroInEveryFrame() {
		SampleModel m = SampleModel.builder().deadColumns(3).deadRows(2).hotPixels(30).backgroundCounts(2)
			.seed(12).build();
		int[] cols = m.truth().deadColumns();
		int[] rows = m.truth().deadRows();
		assertEquals(3, cols.length);
		assertEquals(2, rows.length);
		// Half of each (rounded up) is one adjacent block, like a gap between modules.
		assertTrue(cols[1] - cols[0] == 1 || cols[2] - cols[1] == 1, java.util.Arrays.toString(cols));
		int c = m.detectorColumns();
		float[] f = new float[m.detectorRows() * c];
		SplittableRandom rng = new SplittableRandom(1);
		int live = 0;
		for (Domain d : m.truth().domains()) {
			int[] p = pixel(d);
			for (int a = 0; a < m.angleCount(); a++) {
				m.sampleFrame(a, p[0], p[1], rng, f);
				for (int col : cols) {
					for (int r = 0; r < m.detectorRows(); r++) {
						assertEquals(0f, f[r * c + col], 0f);
					}
				}
				for (int row : rows) {
					for (int k = 0; k < c; k++) {
						assertEquals(0f, f[row * c + k], 0f);
					}
				}
				for (float v : f) {
					live += v > 0 ? 1 : 0;
				}
				m.expectedFrame(a, p[0], p[1], f);
				assertEquals(0f, f[rows[0] * c + 5], 0f);
				assertEquals(0f, f[7 * c + cols[0]], 0f);
			}
		}
		// The rest of the detector still counts (background 2 per pixel).
		assertTrue(live > 0.5 * f.length * m.angleCount() * m.truth().domains().size());
	}
}
