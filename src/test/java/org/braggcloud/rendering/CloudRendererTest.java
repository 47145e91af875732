package org.braggcloud.rendering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.math.BigDecimal;
import java.util.List;

import org.braggcloud.cloud.PointCloud;
import org.junit.jupiter.api.Test;

/** Geometry, shading, colours and decorations of the headless cloud renderer. */
class CloudRendererTest {

	private static final int BLACK = 0xFF000000;

	/** 100 points along x, one unit apart, values 1..100. */
	private static PointCloud line(final double length) {
		final float[] xyz = new float[300];
		final float[] v = new float[100];
		for (int i = 0; i < 100; i++) {
			xyz[3 * i] = (float) (i * length / 99);
			v[i] = i + 1;
		}
		return PointCloud.of(xyz, v);
	}

	/** Bounding box {xmin, xmax, ymin, ymax} of non-background pixels of one panel. */
	private static int[] litBox(final RenderedSeries s, final int frame, final int panel) {
		final int[] box = {Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE};
		for (int y = 0; y < s.height(); y++) {
			for (int x = panel * s.panelWidth(); x < (panel + 1) * s.panelWidth(); x++) {
				if (s.pixel(frame, x, y) != BLACK) {
					box[0] = Math.min(box[0], x);
					box[1] = Math.max(box[1], x);
					box[2] = Math.min(box[2], y);
					box[3] = Math.max(box[3], y);
				}
			}
		}
		return box;
	}

	private static CloudRenderer plain() {
		return CloudRenderer.size(200, 200).azimuths(4).pointRadius(0).decorations(false).depthShading(0)
			.colouring(Colouring.byCloud(0xFFFFFFFF));
	}

	@Test
	void aLineAlongXSpansItsLengthFaceOnAndCollapsesSideOn() {
		final RenderedSeries s = plain().render(List.of(line(99)), List.of("line"));
		assertEquals(4, s.frameCount());
		assertArrayEquals(new double[] {0, 90, 180, 270}, s.azimuths(), 1e-12);
		final int[] front = litBox(s, 0, 0);
		assertEquals(99 / s.unitsPerPixel(), front[1] - front[0], 1.0);
		assertEquals(0, front[3] - front[2], "a horizontal line stays one row high at any elevation");
		final int[] side = litBox(s, 1, 0);
		assertTrue(side[1] - side[0] <= 1, "side on, the line is " + (side[1] - side[0]) + " px wide");
		assertEquals(99 / s.unitsPerPixel() * Math.sin(Math.toRadians(20)), side[3] - side[2], 1.0,
			"seen from 20 degrees above, its depth shows foreshortened");
		// The fit keeps the whole cloud inside the panel at every azimuth.
		assertTrue(front[0] >= 0 && front[1] < 200);
	}

	@Test
	void nearerPointsAreBrighter() {
		// At azimuth 0 data y points away from the viewer: (0,0,0) is near, (10,10,0) far.
		final PointCloud two = PointCloud.of(new float[] {0, 0, 0, 10, 10, 0});
		final RenderedSeries s = CloudRenderer.size(100, 100).azimuths(2).elevation(0).pointRadius(0).decorations(false)
			.depthShading(0.5).colouring(Colouring.byCloud(0xFFFFFFFF)).render(List.of(two), List.of(""));
		final int[] b0 = brightnessLeftToRight(s, 0);
		assertTrue(b0[0] > b0[1], "near " + b0[0] + " vs far " + b0[1]);
		// Depths -5 and +5 in a cloud of radius sqrt(50): brightness 1 - 0.5 (d + r) / 2r.
		final double r = Math.sqrt(50);
		assertEquals(Math.round(255 * (1 - 0.5 * (r - 5) / (2 * r))), b0[0]);
		assertEquals(Math.round(255 * (1 - 0.5 * (r + 5) / (2 * r))), b0[1]);
		// Turned half-way, the far point comes to the front (and to the left).
		final int[] b1 = brightnessLeftToRight(s, 1);
		assertTrue(b1[0] > b1[1], "after the half turn, near " + b1[0] + " vs far " + b1[1]);
	}

	/** Red channel of the lit pixels of frame {@code f}, ordered by x. */
	private static int[] brightnessLeftToRight(final RenderedSeries s, final int f) {
		final int[] out = new int[2];
		int k = 0;
		for (int x = 0; x < s.width(); x++)
			for (int y = 0; y < s.height(); y++)
				if (s.pixel(f, x, y) != BLACK) out[k++] = (s.pixel(f, x, y) >> 16) & 0xFF;
		assertEquals(2, k);
		return out;
	}

	@Test
	void panelsShareCentreAndScale() {
		final RenderedSeries s = plain().render(List.of(line(99), line(49.5), line(99)), List.of("a", "b", "c"));
		assertEquals(3, s.panels());
		assertEquals(600, s.width());
		final int[] a = litBox(s, 0, 0), b = litBox(s, 0, 1), c = litBox(s, 0, 2);
		assertEquals(99 / s.unitsPerPixel(), a[1] - a[0], 1.0);
		assertEquals(49.5 / s.unitsPerPixel(), b[1] - b[0], 1.0, "half the length, half the pixels");
		assertEquals(a[0] + 200, b[0], 1, "both lines start at x = 0, so at the same place in their panels");
		for (int y = 0; y < s.height(); y++)
			for (int x = 0; x < 200; x++)
				assertEquals(s.pixel(0, x, y), s.pixel(0, x + 400, y), "equal clouds draw equal panels");
	}

	@Test
	void scaleBarIsAsLongAsItsLabelSays() {
		final RenderedSeries s = CloudRenderer.size(240, 240).azimuths(3).unit("px").colouring(Colouring.byCloud(0xFFC00000))
			.render(List.of(line(37), line(20)), List.of("raw", "denoised"));
		final BigDecimal length = new BigDecimal(s.scaleBarLabel().replace(" px", ""));
		assertEquals(length.doubleValue(), s.scaleBarLength(), 0);
		final int mantissa = length.stripTrailingZeros().unscaledValue().intValue();
		assertTrue(List.of(1, 2, 5).contains(mantissa), s.scaleBarLabel());
		for (int f = 0; f < s.frameCount(); f++) {
			for (int p = 0; p < 2; p++) {
				int longest = 0, run = 0;
				for (int x = p * 240; x < (p + 1) * 240; x++) {
					run = s.pixel(f, x, s.height() - 8) == 0xFFFFFFFF ? run + 1 : 0;
					longest = Math.max(longest, run);
				}
				assertEquals(s.scaleBarLength() / s.unitsPerPixel(), longest, 1.0, "frame " + f + " panel " + p);
				assertEquals(s.scaleBarPixels(), longest);
			}
		}
	}

	@Test
	void theTripodTurnsWithTheCloud() {
		final RenderedSeries s = CloudRenderer.size(160, 160).azimuths(4).axisNames("", "", "").colouring(Colouring.byCloud(0xFF808080))
			.render(List.of(line(10)), List.of("t"));
		// Without labels, only the axes are drawn in their colours. The x axis (red) is drawn across the corner at azimuth 0 and end-on at azimuth 90.
		final int face = countInCorner(s, 0, 0xFFFF5050), end = countInCorner(s, 1, 0xFFFF5050);
		assertTrue(face > end + 5, face + " vs " + end);
		// The vertical axis (blue) looks the same from every side.
		assertEquals(countInCorner(s, 0, 0xFF5A8CFF), countInCorner(s, 2, 0xFF5A8CFF), 2);
	}

	private static int countInCorner(final RenderedSeries s, final int frame, final int argb) {
		int n = 0;
		for (int y = s.height() - 60; y < s.height(); y++)
			for (int x = 0; x < 60; x++)
				if (s.pixel(frame, x, y) == argb) n++;
		return n;
	}

	@Test
	void roundLengthsAreOneTwoOrFiveTimesAPowerOfTen() {
		assertEquals("0.2", CloudRenderer.roundLength(0.37).toPlainString());
		assertEquals("5", CloudRenderer.roundLength(7.3).toPlainString());
		assertEquals("10", CloudRenderer.roundLength(12).toPlainString());
		assertEquals("200", CloudRenderer.roundLength(230).toPlainString());
		assertEquals("1", CloudRenderer.roundLength(1).toPlainString());
	}

	@Test
	void intensityMapsTheMaximumToTheTopOfTheTable() {
		final int[] lut = new int[256];
		for (int i = 0; i < 256; i++)
			lut[i] = 0xFF000000 | i << 8;
		lut[255] = 0xFFFF00FF;
		final PointCloud cloud = line(99);
		for (final boolean log : new boolean[] {false, true}) {
			final int[] c = Colouring.intensity(lut, log).colours(0, cloud);
			assertEquals(0xFFFF00FF, c[99], "log " + log);
			assertEquals(lut[0], c[0], "log " + log);
		}
		final RenderedSeries s = plain().colouring(Colouring.intensity(lut, false)).render(List.of(cloud), List.of(""));
		final int[] box = litBox(s, 0, 0);
		assertEquals(0xFFFF00FF, s.pixel(0, box[1], box[2]), "the last point (value 100) is at the right end");
		assertEquals(0xFF000000 | 0, s.pixel(0, box[0], box[2]) & 0xFFFF00FF, "the first point takes the bottom entry");
	}

	@Test
	void labelsTakeTheirColoursAndNoiseIsGrey() {
		final PointCloud three = PointCloud.of(new float[] {0, 0, 0, 1, 0, 0, 2, 0, 0});
		final int[] c = Colouring.labels(List.of(new int[] {0, 3, -1}), new int[] {0xFF111111, 0xFF222222}).colours(0, three);
		assertArrayEquals(new int[] {0xFF111111, 0xFF222222, Colouring.UNLABELLED}, c);
		assertThrows(IllegalArgumentException.class, () -> Colouring.labels(List.of(new int[] {0})).colours(0, three));
	}

	@Test
	void sameInputSamePixelsHeadless() {
		assertTrue(GraphicsEnvironment.isHeadless(), "tests run with java.awt.headless=true");
		final float[] xyz = new float[3 * 500];
		final float[] v = new float[500];
		for (int i = 0; i < 500; i++) {
			xyz[3 * i] = (float) Math.sin(i * 0.37) * 10;
			xyz[3 * i + 1] = (float) Math.cos(i * 0.11) * 6;
			xyz[3 * i + 2] = i * 0.05f;
			v[i] = (i * 7919) % 101;
		}
		final PointCloud cloud = PointCloud.of(xyz, v);
		final CloudRenderer r = CloudRenderer.size(128, 128).azimuths(6).axisNames("x", "y", "z");
		final RenderedSeries a = r.render(List.of(cloud, cloud), List.of("one", "two"));
		final RenderedSeries b = CloudRenderer.size(128, 128).azimuths(6).axisNames("x", "y", "z")
			.render(List.of(cloud, cloud), List.of("one", "two"));
		for (int f = 0; f < 6; f++)
			assertArrayEquals(a.frames()[f], b.frames()[f], "frame " + f);
		assertEquals(256, a.image(0).getWidth());
	}

	@Test
	void badRequestsSayWhatIsWrong() {
		assertThrows(IllegalArgumentException.class, () -> CloudRenderer.size(8, 8));
		assertThrows(IllegalArgumentException.class, () -> CloudRenderer.size(64, 64).elevation(100));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> CloudRenderer.size(64, 64).render(List.of(line(1)), List.of()));
		assertTrue(e.getMessage().contains("titles"), e.getMessage());
		// An empty cloud or one point renders without dividing by zero.
		CloudRenderer.size(64, 64).azimuths(2).render(List.of(PointCloud.empty(), PointCloud.of(new float[] {1, 2, 3})), List.of("", ""));
	}
}
