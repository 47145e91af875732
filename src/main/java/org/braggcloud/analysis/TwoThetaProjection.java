package org.braggcloud.analysis;

/**
 * The paper's projection of a detector shift onto the 2-theta direction and across it
 * (pipeline.md §3). With D = sqrt(1 - (cos gamma cos delta)^2),
 * sin(alpha) = cos(gamma) sin(delta) / D and cos(alpha) = sin(gamma) / D; a shift (row, column)
 * has the component {@code row sin(alpha) - column cos(alpha)} along 2-theta (d-spacing change)
 * and {@code row cos(alpha) + column sin(alpha)} across it (the second tilt).
 */
public final class TwoThetaProjection {

	private final double sin, cos;

	public TwoThetaProjection(final double deltaDeg, final double gammaDeg) {
		final double d = Math.toRadians(deltaDeg), g = Math.toRadians(gammaDeg);
		final double norm = Math.sqrt(1 - Math.pow(Math.cos(g) * Math.cos(d), 2));
		if (!(norm > 0)) throw new IllegalArgumentException("delta = gamma = 0: no 2-theta direction on the detector");
		this.sin = Math.cos(g) * Math.sin(d) / norm;
		this.cos = Math.sin(g) / norm;
	}

	public double along(final double row, final double column) {
		return row * sin - column * cos;
	}

	public double across(final double row, final double column) {
		return row * cos + column * sin;
	}
}
