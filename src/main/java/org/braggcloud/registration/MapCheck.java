package org.braggcloud.registration;

import java.util.Arrays;

/**
 * Rejects maps that no registration can use: wrong size, non-finite values, (nearly) constant,
 * no signal above the noise.
 */
final class MapCheck {

	/**
	 * Relative spread below which a map counts as flat: float maps hold about 7 significant
	 * digits, so a spread below 1e-5 of the values' magnitude is rounding, not structure.
	 */
	static final double FLAT = 1e-5;
	/**
	 * Least height of a map's brightest feature above its median level, in noise sigmas,
	 * after a 3 x 3 median. The median of pure noise peaks 1 to 2 sigmas above its level (the
	 * median of 9 values has about 0.4 of their sigma); a particle that diffracts or fluoresces
	 * at all stands tens to hundreds of sigmas above it. Only upwards, because the signals are
	 * counts on a background and downward outliers (a hot pixel that missed a frame) can
	 * survive the median in clusters; against the median level rather than the border, so
	 * that a particle filling the whole scan still counts by its inner contrast.
	 */
	static final double MIN_SIGNAL = 5;

	private MapCheck() {
	}

	static void check(float[] map, int nx, int ny, int angle) throws RegistrationException {
		if (map == null) {
			throw new RegistrationException("map of angle " + angle + " is missing");
		}
		if (map.length != nx * ny) {
			throw new RegistrationException("map of angle " + angle + " has " + map.length
				+ " values, expected nx*ny = " + nx + "*" + ny + " = " + nx * ny);
		}
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < map.length; i++) {
			float v = map[i];
			if (!Float.isFinite(v)) {
				throw new RegistrationException("map of angle " + angle + " has a non-finite value (" + v
					+ ") at x " + i % nx + ", y " + i / nx + "; run with align=false or fix the data");
			}
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		double scale = Math.max(Math.abs(min), Math.abs(max));
		if (max - min <= FLAT * scale) {
			throw new RegistrationException("map of angle " + angle + " is flat (all values "
				+ (float) min + (max > min ? " to " + (float) max : "")
				+ "), so it cannot be registered; run with align=false");
		}
	}

	/** Rejects a map whose brightest feature does not rise clearly above its noise. */
	static void checkSignal(float[] map, int nx, int ny, int angle) throws RegistrationException {
		double snr = signalToNoise(map, nx, ny);
		if (snr < MIN_SIGNAL) {
			throw new RegistrationException(String.format("map of angle %d shows no signal above its noise"
				+ " (brightest feature %.1f noise sigmas above the median level, at least %.0f needed), so"
				+ " its drift cannot be measured. Run with align=false, or, if this is an intensity map (the"
				+ " particle hardly diffracts at this angle), use XRF maps as the reference if available",
				angle, snr, MIN_SIGNAL));
		}
	}

	/** Height of the 3 x 3 median's maximum above its median, in noise sigmas; infinite if noise-free. */
	static double signalToNoise(float[] map, int nx, int ny) {
		float[] f = MedianFilter.median3x3(map, nx, ny);
		float[] sorted = f.clone();
		Arrays.sort(sorted);
		double height = sorted[sorted.length - 1] - sorted[sorted.length / 2];
		double sigma = NoiseLevel.sigma(map, nx, ny);
		if (sigma > 0) {
			return height / sigma;
		}
		return height > 0 ? Double.POSITIVE_INFINITY : 0;
	}
}
