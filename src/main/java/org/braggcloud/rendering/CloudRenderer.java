package org.braggcloud.rendering;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.braggcloud.cloud.PointCloud;
import org.braggcloud.progress.ProgressListener;

/**
 * Draws point clouds as a rotation series without OpenGL, so it works headless.
 * <p>
 * Projection is orthographic. The data z axis (rocking angle) is vertical; frame {@code i} turns
 * the clouds by {@code 360 i / frames} degrees about it (as ImageJ's 3D Project does), and the
 * camera looks down from {@code elevation} degrees above the horizontal. At azimuth 0 data x runs
 * to the right of the screen and data y away from the viewer. Points are square-pixel discs of the
 * given radius, hidden by a depth buffer (nearest wins, ties keep the first drawn) and shaded by
 * depth (nearer brighter). Several clouds are drawn side by side, one panel each, around one
 * common centre (the middle of their joint bounding box) at one common scale, so they compare
 * directly. Each panel has its title, an axis tripod turning with the clouds, and a scale bar of
 * a round length (1, 2 or 5 x 10^n data units). Output depends only on the input: no randomness,
 * no anti-aliasing.
 * <pre>
 * RenderedSeries s = CloudRenderer.size(256, 256).azimuths(36).elevation(20)
 *     .colouring(Colouring.intensity()).render(List.of(raw, denoised), List.of("raw", "denoised"));
 * </pre>
 */
public final class CloudRenderer {

	private static final int TITLE_BAND = 16;
	private static final int FOOT_BAND = 26;
	private static final int TRIPOD_LENGTH = 16;
	private static final int TEXT = 0xFFDDDDDD;
	private static final int SCALE_BAR = 0xFFFFFFFF;
	private static final int SEPARATOR = 0xFF404040;
	private static final int[] AXIS_COLOURS = {0xFFFF5050, 0xFF50E050, 0xFF5A8CFF};

	private final int panelWidth;
	private final int panelHeight;
	private int frames = 36;
	private double elevation = 20;
	private double pointRadius = 1.5;
	private double depthShading = 0.5;
	private Colouring colouring = Colouring.intensity();
	private String[] axisNames = {"row", "column", "angle"};
	private String unit = "units";
	private boolean decorations = true;
	private int background = 0xFF000000;
	private ProgressListener progress = ProgressListener.NONE;

	private CloudRenderer(final int panelWidth, final int panelHeight) {
		this.panelWidth = panelWidth;
		this.panelHeight = panelHeight;
	}

	/** A renderer whose panels are {@code width x height} pixels (a frame is one panel wide per cloud). */
	public static CloudRenderer size(final int width, final int height) {
		if (width < 16 || height < 16) throw new IllegalArgumentException("panels must be at least 16 x 16 pixels, got " + width + " x " + height);
		return new CloudRenderer(width, height);
	}

	/** Number of frames, evenly spread over a full turn (default 36: every 10 degrees). */
	public CloudRenderer azimuths(final int count) {
		if (count < 1) throw new IllegalArgumentException("need at least one frame, got " + count);
		this.frames = count;
		return this;
	}

	/** Camera height in degrees above the horizontal, -90..90 (default 20). */
	public CloudRenderer elevation(final double degrees) {
		if (!(Math.abs(degrees) <= 90)) throw new IllegalArgumentException("elevation must be within -90..90 degrees, got " + degrees);
		this.elevation = degrees;
		return this;
	}

	/** Radius of a point's disc in pixels; 0 draws single pixels (default 1.5). */
	public CloudRenderer pointRadius(final double pixels) {
		if (!(pixels >= 0 && pixels <= 32)) throw new IllegalArgumentException("point radius must be within 0..32 pixels, got " + pixels);
		this.pointRadius = pixels;
		return this;
	}

	/** How points are coloured (default {@link Colouring#intensity()}). */
	public CloudRenderer colouring(final Colouring c) {
		this.colouring = java.util.Objects.requireNonNull(c, "colouring");
		return this;
	}

	/**
	 * How much the farthest point is darkened, 0..1 (default 0.5): brightness falls linearly from 1
	 * at the nearest possible depth to {@code 1 - amount} at the farthest.
	 */
	public CloudRenderer depthShading(final double amount) {
		if (!(amount >= 0 && amount <= 1)) throw new IllegalArgumentException("depth shading must be within 0..1, got " + amount);
		this.depthShading = amount;
		return this;
	}

	/** Labels of the data x, y and z axes on the tripod (default row, column, angle). */
	public CloudRenderer axisNames(final String x, final String y, final String z) {
		this.axisNames = new String[] {x, y, z};
		return this;
	}

	/** The data unit of the scale bar (default "units"). */
	public CloudRenderer unit(final String name) {
		this.unit = java.util.Objects.requireNonNull(name, "unit");
		return this;
	}

	/** Whether to draw titles, tripod and scale bar (default true); without them the clouds fill the panel. */
	public CloudRenderer decorations(final boolean draw) {
		this.decorations = draw;
		return this;
	}

	/** Background colour, opaque ARGB (default black). */
	public CloudRenderer background(final int argb) {
		this.background = 0xFF000000 | argb;
		return this;
	}

	/** Receives one step per frame and may cancel between frames. */
	public CloudRenderer progress(final ProgressListener listener) {
		this.progress = java.util.Objects.requireNonNull(listener, "progress");
		return this;
	}

	/**
	 * Renders every frame.
	 *
	 * @param panels      the clouds, one panel each, left to right
	 * @param panelTitles one title per cloud
	 * @throws IllegalArgumentException if there are no clouds, the titles do not match, or the
	 *                                   panels are too small for the decorations
	 */
	public RenderedSeries render(final List<PointCloud> panels, final List<String> panelTitles) {
		if (panels.isEmpty()) throw new IllegalArgumentException("no clouds to render");
		if (panelTitles.size() != panels.size())
			throw new IllegalArgumentException(panels.size() + " clouds but " + panelTitles.size() + " titles");
		final int top = decorations ? TITLE_BAND : 0;
		final int plotHeight = panelHeight - top - (decorations ? FOOT_BAND : 0);
		final double available = Math.min(panelWidth, plotHeight) / 2.0 - Math.ceil(pointRadius) - 2;
		if (available < 4) throw new IllegalArgumentException("panels of " + panelWidth + " x " + panelHeight + " pixels are too small");
		final double[] centre = commonCentre(panels);
		final double radius = commonRadius(panels, centre);
		final double scale = available / radius; // pixels per data unit
		final double cx = panelWidth / 2.0, cy = top + plotHeight / 2.0;
		final int[][] colours = new int[panels.size()][];
		for (int p = 0; p < panels.size(); p++)
			colours[p] = colouring.colours(p, panels.get(p));
		final BigDecimal bar = roundLength(0.25 * panelWidth / scale);
		final String barLabel = bar.toPlainString() + " " + unit;
		final int[] disc = discOffsets(pointRadius);
		final int width = panelWidth * panels.size();
		final int[][] out = new int[frames][];
		final double[] azimuths = new double[frames];
		for (int f = 0; f < frames; f++) {
			progress.checkCancelled();
			azimuths[f] = 360.0 * f / frames;
			final Camera cam = new Camera(azimuths[f], elevation);
			final BufferedImage image = new BufferedImage(width, panelHeight, BufferedImage.TYPE_INT_ARGB);
			final int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
			Arrays.fill(pixels, background);
			final float[] depthBuffer = new float[pixels.length];
			Arrays.fill(depthBuffer, Float.POSITIVE_INFINITY);
			for (int p = 0; p < panels.size(); p++) {
				final PointCloud cloud = panels.get(p);
				for (int i = 0; i < cloud.size(); i++) {
					final double dx = cloud.x(i) - centre[0], dy = cloud.y(i) - centre[1], dz = cloud.z(i) - centre[2];
					final int sx = (int) Math.floor(cx + cam.right(dx, dy) * scale);
					final int sy = (int) Math.floor(cy - cam.up(dx, dy, dz) * scale);
					final double depth = cam.depth(dx, dy, dz);
					final double shade = 1 - depthShading * Math.max(0, Math.min(1, (depth + radius) / (2 * radius)));
					splat(pixels, depthBuffer, width, p * panelWidth, sx, sy, (float) depth, shaded(colours[p][i], shade), disc);
				}
			}
			if (decorations) decorate(image, panelTitles, cam, barLabel, (int) Math.round(bar.doubleValue() * scale));
			out[f] = pixels;
			progress.progress("Rendering", f + 1, frames);
		}
		return new RenderedSeries(out, width, panelHeight, panelWidth, List.copyOf(panelTitles), azimuths, 1 / scale, unit,
			bar.doubleValue(), barLabel);
	}

	/** The rotation for one frame: azimuth about data z, then the camera's elevation. */
	private record Camera(double cosA, double sinA, double cosE, double sinE) {

		Camera(final double azimuthDeg, final double elevationDeg) {
			this(Math.cos(Math.toRadians(azimuthDeg)), Math.sin(Math.toRadians(azimuthDeg)), Math.cos(Math.toRadians(elevationDeg)),
				Math.sin(Math.toRadians(elevationDeg)));
		}

		double right(final double x, final double y) {
			return x * cosA + y * sinA;
		}

		private double away(final double x, final double y) {
			return -x * sinA + y * cosA;
		}

		double up(final double x, final double y, final double z) {
			return z * cosE + away(x, y) * sinE;
		}

		/** Distance from the viewer along the line of sight, relative to the centre: smaller is nearer. */
		double depth(final double x, final double y, final double z) {
			return away(x, y) * cosE - z * sinE;
		}
	}

	private static double[] commonCentre(final List<PointCloud> panels) {
		final double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
		final double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
		for (final PointCloud c : panels) {
			for (int i = 0; i < c.size(); i++) {
				final double[] p = {c.x(i), c.y(i), c.z(i)};
				for (int d = 0; d < 3; d++) {
					min[d] = Math.min(min[d], p[d]);
					max[d] = Math.max(max[d], p[d]);
				}
			}
		}
		if (min[0] > max[0]) return new double[3];
		return new double[] {(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2};
	}

	/** Largest distance of a point from the centre, so no turn takes a point out of the panel; 1 when all coincide. */
	private static double commonRadius(final List<PointCloud> panels, final double[] centre) {
		double r2 = 0;
		for (final PointCloud c : panels) {
			for (int i = 0; i < c.size(); i++) {
				final double dx = c.x(i) - centre[0], dy = c.y(i) - centre[1], dz = c.z(i) - centre[2];
				r2 = Math.max(r2, dx * dx + dy * dy + dz * dz);
			}
		}
		return r2 > 0 ? Math.sqrt(r2) : 1;
	}

	/** The largest of 1, 2, 5 x 10^n not above {@code length}. */
	static BigDecimal roundLength(final double length) {
		final int exponent = (int) Math.floor(Math.log10(length));
		final double mantissa = length / Math.pow(10, exponent);
		final int m = mantissa >= 5 ? 5 : mantissa >= 2 ? 2 : 1;
		return BigDecimal.valueOf(m).scaleByPowerOfTen(exponent).stripTrailingZeros();
	}

	/** Pixel offsets (dx, dy pairs) of a disc of {@code radius}. */
	private static int[] discOffsets(final double radius) {
		final int r = (int) Math.floor(radius);
		final List<int[]> offsets = new ArrayList<>();
		for (int dy = -r; dy <= r; dy++)
			for (int dx = -r; dx <= r; dx++)
				if (dx * dx + dy * dy <= radius * radius + 1e-9) offsets.add(new int[] {dx, dy});
		final int[] flat = new int[2 * offsets.size()];
		for (int k = 0; k < offsets.size(); k++) {
			flat[2 * k] = offsets.get(k)[0];
			flat[2 * k + 1] = offsets.get(k)[1];
		}
		return flat;
	}

	private void splat(final int[] pixels, final float[] depthBuffer, final int width, final int panelLeft, final int sx, final int sy,
		final float depth, final int argb, final int[] disc)
	{
		for (int k = 0; k < disc.length; k += 2) {
			final int x = sx + disc[k], y = sy + disc[k + 1];
			if (x < 0 || x >= panelWidth || y < 0 || y >= panelHeight) continue;
			final int index = y * width + panelLeft + x;
			if (depth < depthBuffer[index]) {
				depthBuffer[index] = depth;
				pixels[index] = argb;
			}
		}
	}

	private static int shaded(final int argb, final double factor) {
		final int r = (int) Math.round(((argb >> 16) & 0xFF) * factor);
		final int g = (int) Math.round(((argb >> 8) & 0xFF) * factor);
		final int b = (int) Math.round((argb & 0xFF) * factor);
		return 0xFF000000 | r << 16 | g << 8 | b;
	}

	private void decorate(final BufferedImage image, final List<String> titles, final Camera cam, final String barLabel, final int barPixels) {
		final Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
			g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
			final FontMetrics fm = g.getFontMetrics();
			for (int p = 0; p < titles.size(); p++) {
				final Graphics2D pg = (Graphics2D) g.create(p * panelWidth, 0, panelWidth, panelHeight);
				try {
					if (p > 0) {
						pg.setColor(new Color(SEPARATOR, true));
						pg.drawLine(0, 0, 0, panelHeight - 1);
					}
					pg.setColor(new Color(TEXT, true));
					final String title = titles.get(p) == null ? "" : titles.get(p);
					pg.drawString(title, (panelWidth - fm.stringWidth(title)) / 2, fm.getAscent() + 1);
					tripod(pg, fm, cam);
					pg.setColor(new Color(SCALE_BAR, true));
					final int right = panelWidth - 8;
					pg.fillRect(right - barPixels, panelHeight - 9, barPixels, 3);
					pg.setColor(new Color(TEXT, true));
					pg.drawString(barLabel, right - fm.stringWidth(barLabel), panelHeight - 12);
				}
				finally {
					pg.dispose();
				}
			}
		}
		finally {
			g.dispose();
		}
	}

	/** The data axes from the panel's lower left corner, far axis first, each labelled beyond its tip. */
	private void tripod(final Graphics2D g, final FontMetrics fm, final Camera cam) {
		final int ox = 10 + TRIPOD_LENGTH, oy = panelHeight - 10 - TRIPOD_LENGTH;
		final double[][] axes = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
		final Integer[] order = {0, 1, 2};
		final double[] depth = new double[3];
		for (int k = 0; k < 3; k++)
			depth[k] = cam.depth(axes[k][0], axes[k][1], axes[k][2]);
		Arrays.sort(order, (a, b) -> a.equals(b) ? 0 : depth[a] != depth[b] ? Double.compare(depth[b], depth[a]) : Integer.compare(a, b));
		g.setStroke(new BasicStroke(1.5f));
		for (final int k : order) {
			final double sx = cam.right(axes[k][0], axes[k][1]), sy = -cam.up(axes[k][0], axes[k][1], axes[k][2]);
			final int tx = ox + (int) Math.round(sx * TRIPOD_LENGTH), ty = oy + (int) Math.round(sy * TRIPOD_LENGTH);
			g.setColor(new Color(AXIS_COLOURS[k], true));
			g.drawLine(ox, oy, tx, ty);
			final String name = axisNames[k] == null ? "" : axisNames[k];
			final double len = Math.hypot(sx, sy);
			final double lx = len > 1e-6 ? sx / len : 0, ly = len > 1e-6 ? sy / len : 0;
			final int labelX = tx + (int) Math.round(lx * 6) - (lx < -0.3 ? fm.stringWidth(name) : lx > 0.3 ? 0 : fm.stringWidth(name) / 2);
			final int labelY = ty + (int) Math.round(ly * 6) + (ly > 0.3 ? fm.getAscent() : ly < -0.3 ? 0 : fm.getAscent() / 2);
			// Kept inside the panel, where a long name pointing out of the corner would be cut.
			g.drawString(name, Math.max(2, Math.min(panelWidth - 2 - fm.stringWidth(name), labelX)),
				Math.max(fm.getAscent(), Math.min(panelHeight - fm.getDescent() - 1, labelY)));
		}
	}
}
