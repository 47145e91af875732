package org.braggcloud.denoise;

/**
 * The LPA-ICI parameters estimated from a cloud: the noise standard deviation along the surface
 * normal and the sampling density (points per unit of surface area), both in the cloud's own
 * coordinate units.
 */
public record NoiseEstimate(double sigma, double density) {
}
