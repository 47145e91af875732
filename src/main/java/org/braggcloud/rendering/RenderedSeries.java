package org.braggcloud.rendering;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A rendered rotation series: one ARGB frame per azimuth, the panels side by side.
 *
 * @param frames         one {@code int[width * height]} per frame, row-major, opaque ARGB
 * @param width          frame width in pixels: {@code panelWidth * titles.size()}
 * @param height         frame height in pixels
 * @param panelWidth     width of one panel in pixels
 * @param titles         panel titles, left to right
 * @param azimuths       azimuth of each frame in degrees
 * @param unitsPerPixel  data units per screen pixel, the same in every panel and frame
 * @param unit           the data unit the scale bar is labelled with
 * @param scaleBarLength the scale bar's length in data units (1, 2 or 5 x 10^n)
 * @param scaleBarLabel  the scale bar's label as drawn, e.g. {@code "20 px"}
 */
public record RenderedSeries(int[][] frames, int width, int height, int panelWidth, List<String> titles, double[] azimuths,
	double unitsPerPixel, String unit, double scaleBarLength, String scaleBarLabel)
{
	public int frameCount() {
		return frames.length;
	}

	public int panels() {
		return titles.size();
	}

	/** The scale bar's drawn length in pixels. */
	public int scaleBarPixels() {
		return (int) Math.round(scaleBarLength / unitsPerPixel);
	}

	/** ARGB of pixel (x, y) of frame {@code frame}. */
	public int pixel(final int frame, final int x, final int y) {
		return frames[frame][y * width + x];
	}

	/** Frame {@code frame} as a new image (the pixels are copied). */
	public BufferedImage image(final int frame) {
		final BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		image.setRGB(0, 0, width, height, frames[frame], 0, width);
		return image;
	}
}
