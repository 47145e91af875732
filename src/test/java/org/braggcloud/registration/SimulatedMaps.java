package org.braggcloud.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.braggcloud.simulation.SampleModel;

/** Per-angle maps of a simulated rocking series, and the error of registered drifts against its truth. */
final class SimulatedMaps {

	private SimulatedMaps() {
	}

	/** n equally spaced rocking angles of the given step (deg), centred on the nominal angle. */
	static double[] angles(int n, double stepDeg) {
		double[] a = new double[n];
		for (int i = 0; i < n; i++) {
			a[i] = (i - (n - 1) / 2) * stepDeg;
		}
		return a;
	}

	static SampleModel model(int nx, int ny, double[] anglesDeg, long seed) {
		return SampleModel.builder().nx(nx).ny(ny).detectorRows(48).detectorColumns(48).anglesDeg(anglesDeg)
			.domains(4).maxDriftPx(2.0).seed(seed).build();
	}

	static List<float[]> xrf(SampleModel m, long seed) {
		SplittableRandom rng = new SplittableRandom(seed);
		List<float[]> maps = new ArrayList<>();
		for (int a = 0; a < m.angleCount(); a++) {
			maps.add(m.xrfMap(a, rng));
		}
		return maps;
	}

	/**
	 * Integrated intensity of every sampled frame (noise, background and hot pixels included).
	 * With {@code excludeHotPixels} the known hot pixels are left out of the sums, as the plugin's
	 * AngleIntensityMaps does with the detected ones.
	 */
	static List<float[]> intensity(SampleModel m, long seed, boolean excludeHotPixels) {
		int plane = m.detectorRows() * m.detectorColumns();
		int[] hot = excludeHotPixels ? m.truth().hotPixels() : new int[0];
		float[] frame = new float[plane];
		SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
		List<float[]> maps = new ArrayList<>();
		for (int a = 0; a < m.angleCount(); a++) {
			float[] map = new float[m.nx() * m.ny()];
			for (int y = 0; y < m.ny(); y++) {
				for (int x = 0; x < m.nx(); x++) {
					m.sampleFrame(a, x, y, rng, frame);
					double s = 0;
					for (float v : frame) {
						s += v;
					}
					for (int h : hot) {
						s -= frame[h];
					}
					map[y * m.nx() + x] = (float) s;
				}
			}
			maps.add(map);
		}
		return maps;
	}

	/** Largest per-axis error of the drifts over all angles. */
	static double maxError(double[][] drifts, SampleModel m) {
		double[][] truth = m.truth().driftPx();
		double worst = 0;
		for (int a = 0; a < truth.length; a++) {
			worst = Math.max(worst, Math.abs(drifts[a][0] - truth[a][0]));
			worst = Math.max(worst, Math.abs(drifts[a][1] - truth[a][1]));
		}
		return worst;
	}
}
