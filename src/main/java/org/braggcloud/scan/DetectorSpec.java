package org.braggcloud.scan;

/**
 * What the descriptor says about the area detector; NaN where it says nothing.
 *
 * @param pixelUm    detector pixel size in micrometres (Merlin: 55)
 * @param distanceUm sample-detector distance in micrometres
 */
public record DetectorSpec(double pixelUm, double distanceUm) {

	public static final DetectorSpec UNKNOWN = new DetectorSpec(Double.NaN, Double.NaN);

	public boolean hasPixelSize() {
		return pixelUm > 0;
	}

	public boolean hasDistance() {
		return distanceUm > 0;
	}
}
