package org.braggcloud.plugin;

import org.braggcloud.conversion.CloudCoordinates;
import org.braggcloud.conversion.CloudSampling;
import org.braggcloud.conversion.ScanToClouds;
import org.braggcloud.denoise.DenoiseChain;
import org.braggcloud.geometry.DiffractometerGeometry;
import org.braggcloud.scan.RockingScan;
import org.braggcloud.scan.ScanDescriptor;

/** Turns the point-cloud parameters of a command into a configured conversion, checking each. */
final class CloudSettings {

	private CloudSettings() {}

	static ScanToClouds conversion(final String threshold, final String coordinates, final double angleScale, final String denoise,
		final int points, final String sampling, final double clip, final RockingScan scan)
	{
		final ScanToClouds c = new ScanToClouds().threshold(parseThreshold(threshold))
			.denoise(DenoiseChain.parse(denoise)).points(points, CloudSampling.fromKey(sampling), 1)
			.coordinates(coordinates(coordinates, angleScale, scan));
		if (clip > 0) c.clip(clip);
		return c;
	}

	static double parseThreshold(final String text) {
		if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("auto")) return Double.NaN;
		try {
			final double t = Double.parseDouble(text.trim());
			if (!(t >= 0)) throw new NumberFormatException();
			return t;
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("threshold must be 'auto' or a number of counts >= 0, found '" + text + "'");
		}
	}

	private static CloudCoordinates coordinates(final String key, final double angleScale, final RockingScan scan) {
		final CloudCoordinates.System system = CloudCoordinates.System.fromKey(key);
		if (system == CloudCoordinates.System.INDEX) return CloudCoordinates.index(angleScale);
		final ScanDescriptor d = scan.descriptor();
		if (!d.hasGeometry() || !d.detector().hasPixelSize() || !d.detector().hasDistance() || scan.angleCount() < 2)
			throw new IllegalArgumentException(d.file() + ": coordinates '" + key + "' need 'geometry' (energy_kev, delta_deg, gamma_deg), "
				+ "'detector.pixel_um', 'detector.distance_um' and two or more angles in the descriptor; use coordinates=index");
		final double[] angles = scan.anglesDeg();
		final DiffractometerGeometry g = DiffractometerGeometry.of(d.geometry().energyKev(), d.geometry().deltaDeg(), d.geometry().gammaDeg(),
			d.detector().distanceUm(), d.detector().pixelUm(), (angles[angles.length - 1] - angles[0]) / (angles.length - 1));
		return CloudCoordinates.reciprocal(g, system == CloudCoordinates.System.Q_CRYSTAL, scan.rows(), scan.columns(), scan.angleCount());
	}
}
