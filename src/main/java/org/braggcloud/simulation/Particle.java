package org.braggcloud.simulation;

/**
 * The particle outline: a rotated ellipse in continuous scan coordinates (pixel units, angle-0
 * frame; pixel (x, y) is the point (x, y)). Its thickness is a dome, {@code sqrt(1 - r^2)} with
 * r the normalised elliptical radius, the projected thickness of an ellipsoid.
 *
 * @param centreX     centre, scan x
 * @param centreY     centre, scan y
 * @param semiAxisU   semi-axis along the rotated u axis, pixels
 * @param semiAxisV   semi-axis along the rotated v axis, pixels
 * @param rotationRad angle from scan x to u, radians
 */
public record Particle(double centreX, double centreY, double semiAxisU, double semiAxisV,
					   double rotationRad) {

	/** Squared normalised elliptical radius: below 1 inside the particle. */
	public double radius2(double x, double y) {
		double dx = x - centreX;
		double dy = y - centreY;
		double c = Math.cos(rotationRad);
		double s = Math.sin(rotationRad);
		double u = (dx * c + dy * s) / semiAxisU;
		double v = (-dx * s + dy * c) / semiAxisV;
		return u * u + v * v;
	}

	public boolean contains(double x, double y) {
		return radius2(x, y) < 1.0;
	}

	/** Relative thickness 0..1 (1 at the centre, 0 on and outside the outline). */
	public double thickness(double x, double y) {
		double r2 = radius2(x, y);
		return r2 < 1.0 ? Math.sqrt(1.0 - r2) : 0.0;
	}
}
