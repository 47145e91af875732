package org.braggcloud.registration;

/**
 * Displacement of one map relative to another, in scan pixels: a feature at (y, x) in the
 * reference appears at (y + dy, x + dx) in the moving map.
 *
 * @param dy      displacement along the scan rows (y)
 * @param dx      displacement along the scan columns (x)
 * @param quality normalised cross-correlation of the two preprocessed maps at this displacement,
 *                clamped to [0, 1]: near 1 for the same picture, near 0 for unrelated noise
 */
public record Shift(double dy, double dx, double quality) {

	public Shift {
		if (!Double.isFinite(dy) || !Double.isFinite(dx)) {
			throw new IllegalArgumentException("shift must be finite: " + dy + ", " + dx);
		}
		if (!(quality >= 0 && quality <= 1)) {
			throw new IllegalArgumentException("quality must be in [0, 1]: " + quality);
		}
	}
}
