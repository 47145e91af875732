package org.braggcloud.io.results;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.Opener;
import ij.measure.Calibration;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.braggcloud.cloud.PixelCloud;
import org.braggcloud.io.scan.TiffChain;
import org.braggcloud.scan.ScanFormatException;

/**
 * The codewords written by Extract Features, read back for clustering: one row per cloud, with
 * the scan grid when the clouds came from a scan so that labels can be painted back as a map.
 * <ul>
 * <li>{@code features.tif}: a 32-bit stack, one slice per feature, ny x nx, NaN outside the mask;
 * pixels with finite features are the rows, named {@code pixel_RRR_CCC}; calibration kept.</li>
 * <li>{@code features.csv}: header {@code name,f0,f1,...}; when every name is {@code pixel_RRR_CCC}
 * the grid is the smallest one holding them (uncalibrated), otherwise there is no grid (PLY
 * folders).</li>
 * </ul>
 *
 * @param names one per row
 * @param rows  n x d features
 * @param grid  where each row lies on the scan; null when the rows are not scan pixels
 */
public record FeatureTable(List<String> names, double[][] rows, Grid grid) {

	/**
	 * @param pixel     row-major index {@code y * nx + x} of each row
	 * @param pixelSize scan step in {@code unit}; NaN when unknown
	 */
	public record Grid(int nx, int ny, int[] pixel, double pixelSize, String unit) {}

	private static final Pattern PIXEL = Pattern.compile("pixel_(\\d+)_(\\d+)");

	public static FeatureTable read(final Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new ScanFormatException(file, null, "no such file; expected features.tif or features.csv from Extract Features");
		final String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".tif") || name.endsWith(".tiff")) return readTiff(file);
		if (name.endsWith(".csv")) return readCsv(file);
		throw new ScanFormatException(file, null, "unknown feature file type; expected features.tif or features.csv");
	}

	private static FeatureTable readTiff(final Path file) throws IOException {
		TiffChain.check(file, null);
		final ImagePlus imp = new Opener().openImage(file.toString());
		if (imp == null) throw new ScanFormatException(file, null, "cannot be read as a TIFF image");
		if (imp.getBitDepth() != 32)
			throw new ScanFormatException(file, null, "is " + imp.getBitDepth() + "-bit; expected a 32-bit stack with one slice per feature");
		final ImageStack stack = imp.getStack();
		final int nx = imp.getWidth(), ny = imp.getHeight(), d = stack.getSize();
		final float[][] slices = new float[d][];
		for (int f = 0; f < d; f++)
			slices[f] = (float[]) stack.getPixels(f + 1);
		final List<Integer> inside = new ArrayList<>();
		for (int p = 0; p < nx * ny; p++) {
			int finite = 0;
			for (int f = 0; f < d; f++)
				if (Float.isFinite(slices[f][p])) finite++;
			if (finite == 0) continue;
			if (finite < d) {
				int bad = 0;
				while (Float.isFinite(slices[bad][p]))
					bad++;
				throw new ScanFormatException(file, "slice " + (bad + 1), "pixel x=" + p % nx + ", y=" + p / nx + " is inside the mask (finite features) but feature f"
					+ bad + " is " + slices[bad][p] + "; expected every feature finite inside the mask and NaN outside");
			}
			inside.add(p);
		}
		if (inside.isEmpty()) throw new ScanFormatException(file, null, "has no pixel with finite features; expected NaN only outside the mask");
		final List<String> names = new ArrayList<>();
		final double[][] rows = new double[inside.size()][d];
		final int[] pixel = new int[inside.size()];
		for (int i = 0; i < pixel.length; i++) {
			final int p = inside.get(i);
			pixel[i] = p;
			names.add(PixelCloud.name(p % nx, p / nx, nx, ny));
			for (int f = 0; f < d; f++)
				rows[i][f] = slices[f][p];
		}
		final Calibration cal = imp.getCalibration();
		final boolean scaled = cal.scaled() && cal.pixelWidth > 0;
		return new FeatureTable(names, rows, new Grid(nx, ny, pixel, scaled ? cal.pixelWidth : Double.NaN, scaled ? cal.getUnit() : null));
	}

	private static FeatureTable readCsv(final Path file) throws IOException {
		final List<String> names = new ArrayList<>();
		final List<double[]> rows = new ArrayList<>();
		int d;
		try (BufferedReader r = Files.newBufferedReader(file)) {
			final String header = r.readLine();
			if (header == null) throw new ScanFormatException(file, "header", "is empty; expected a header name,f0,f1,...");
			final String[] h = header.split(",", -1);
			d = h.length - 1;
			if (!h[0].trim().equals("name") || d < 1)
				throw new ScanFormatException(file, "header", "starts '" + abbreviate(header) + "'; expected name,f0,f1,...");
			String line;
			int lineNo = 1;
			while ((line = r.readLine()) != null) {
				lineNo++;
				if (line.isBlank()) continue;
				final String[] v = line.split(",", -1);
				if (v.length != d + 1)
					throw new ScanFormatException(file, "line " + lineNo, v.length + " columns; expected " + (d + 1) + " (name and " + d + " features) like the header");
				final double[] row = new double[d];
				for (int f = 0; f < d; f++) {
					try {
						row[f] = Double.parseDouble(v[f + 1].trim());
					}
					catch (final NumberFormatException e) {
						throw new ScanFormatException(file, "line " + lineNo, "feature " + h[f + 1] + " is '" + v[f + 1] + "'; expected a number");
					}
					if (!Double.isFinite(row[f]))
						throw new ScanFormatException(file, "line " + lineNo, "feature " + h[f + 1] + " of " + v[0] + " is " + v[f + 1] + "; expected finite features for every cloud");
				}
				names.add(v[0].trim());
				rows.add(row);
			}
		}
		if (rows.isEmpty()) throw new ScanFormatException(file, null, "has a header but no feature rows");
		return new FeatureTable(names, rows.toArray(new double[0][]), pixelGrid(names));
	}

	/** The grid implied by {@code pixel_RRR_CCC} names (1-based row and column), or null. */
	private static Grid pixelGrid(final List<String> names) {
		final int[] x = new int[names.size()], y = new int[names.size()];
		int nx = 0, ny = 0;
		for (int i = 0; i < x.length; i++) {
			final Matcher m = PIXEL.matcher(names.get(i));
			if (!m.matches()) return null;
			y[i] = Integer.parseInt(m.group(1)) - 1;
			x[i] = Integer.parseInt(m.group(2)) - 1;
			if (x[i] < 0 || y[i] < 0) return null;
			nx = Math.max(nx, x[i] + 1);
			ny = Math.max(ny, y[i] + 1);
		}
		final int[] pixel = new int[x.length];
		final java.util.BitSet seen = new java.util.BitSet();
		for (int i = 0; i < x.length; i++) {
			pixel[i] = y[i] * nx + x[i];
			if (seen.get(pixel[i])) return null; // the same pixel twice: not a scan grid
			seen.set(pixel[i]);
		}
		return new Grid(nx, ny, pixel, Double.NaN, null);
	}

	private static String abbreviate(final String s) {
		return s.length() > 40 ? s.substring(0, 40) + "..." : s;
	}
}
