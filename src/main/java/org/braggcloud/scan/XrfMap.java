package org.braggcloud.scan;

/**
 * A fluorescence map recorded with one rocking scan: {@code ny x nx} values, row-major
 * (index = y * nx + x).
 */
public record XrfMap(int nx, int ny, float[] values) {

	public XrfMap {
		if (values.length != nx * ny) throw new IllegalArgumentException("XRF map holds " + values.length + " values, expected " + nx * ny);
	}

	public float get(final int x, final int y) {
		return values[y * nx + x];
	}
}
