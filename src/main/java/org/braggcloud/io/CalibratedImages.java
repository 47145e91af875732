package org.braggcloud.io;

import ij.ImagePlus;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

/**
 * Builds ImageJ images from plain arrays, calibrated so that Fiji shows physical sizes
 * (scan step in micrometres, detector pixels in pixels or micrometres).
 */
public final class CalibratedImages {

	private CalibratedImages() {}

	/** A 32-bit image over {@code data} (row-major, width x height), sharing the array. */
	public static ImagePlus floatImage(final String title, final float[] data, final int width, final int height,
		final double pixelSize, final String unit)
	{
		return calibrate(new ImagePlus(title, new FloatProcessor(width, height, data)), pixelSize, unit);
	}

	/** An 8- or 16-bit label image (0 = background), 8-bit when every label fits. */
	public static ImagePlus labelImage(final String title, final int[] labels, final int width, final int height,
		final double pixelSize, final String unit)
	{
		int max = 0;
		for (final int l : labels)
			max = Math.max(max, l);
		final ImageProcessor ip = max <= 255 ? new ByteProcessor(width, height) : new ShortProcessor(width, height);
		for (int i = 0; i < labels.length; i++)
			ip.set(i, labels[i]);
		ip.setMinAndMax(0, Math.max(1, max));
		return calibrate(new ImagePlus(title, ip), pixelSize, unit);
	}

	/** A mask as ImageJ draws masks: 8-bit, 255 inside, 0 outside. */
	public static ImagePlus maskImage(final String title, final boolean[] mask, final int width, final int height,
		final double pixelSize, final String unit)
	{
		final int[] labels = new int[mask.length];
		for (int i = 0; i < mask.length; i++)
			labels[i] = mask[i] ? 255 : 0;
		return labelImage(title, labels, width, height, pixelSize, unit);
	}

	/** Sets square pixels of {@code pixelSize} {@code unit}; leaves the image uncalibrated when the size is unknown. */
	public static ImagePlus calibrate(final ImagePlus imp, final double pixelSize, final String unit) {
		if (pixelSize > 0 && unit != null) {
			final Calibration cal = imp.getCalibration();
			cal.pixelWidth = pixelSize;
			cal.pixelHeight = pixelSize;
			cal.setUnit(unit);
		}
		imp.resetDisplayRange();
		return imp;
	}
}
