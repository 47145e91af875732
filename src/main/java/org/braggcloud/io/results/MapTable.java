package org.braggcloud.io.results;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.braggcloud.scan.ScanFormatException;

import org.braggcloud.scan.ScanGrid;

/**
 * Per-pixel maps as one CSV table for users' own plots: columns {@code x,y} (0-based scan
 * column and row) then one column per map, one row per pixel inside the mask.
 */
public final class MapTable {

	private MapTable() {}

	public static void write(final Path file, final ScanGrid grid, final boolean[] mask, final Map<String, float[]> maps) throws IOException {
		try (Writer w = Files.newBufferedWriter(file)) {
			w.write("x,y");
			for (final String name : maps.keySet())
				w.write("," + name);
			w.write("\n");
			final StringBuilder row = new StringBuilder();
			for (int i = 0; i < grid.pointCount(); i++) {
				if (!mask[i]) continue;
				row.setLength(0);
				row.append(grid.x(i)).append(',').append(grid.y(i));
				for (final float[] m : maps.values())
					row.append(',').append(Float.isNaN(m[i]) ? "NaN" : Float.toString(m[i]));
				w.write(row.append('\n').toString());
			}
		}
	}

	/**
	 * Reads a table written by {@link #write} back as maps of an nx x ny scan, NaN where the table
	 * has no row.
	 */
	public static Map<String, float[]> read(final Path file, final int nx, final int ny) throws IOException {
		if (!Files.isRegularFile(file)) throw new ScanFormatException(file, null, "no such file; expected maps.csv from Conventional Maps or the pipeline");
		final List<String> lines = Files.readAllLines(file);
		if (lines.isEmpty() || !lines.get(0).startsWith("x,y,"))
			throw new ScanFormatException(file, "header", "expected 'x,y,' then one column per map, as Conventional Maps writes it");
		final String[] names = lines.get(0).split(",", -1);
		final Map<String, float[]> maps = new LinkedHashMap<>();
		for (int j = 2; j < names.length; j++) {
			final float[] m = new float[nx * ny];
			Arrays.fill(m, Float.NaN);
			if (maps.put(names[j], m) != null) throw new ScanFormatException(file, "header", "map '" + names[j] + "' appears twice");
		}
		final float[][] columns = maps.values().toArray(new float[0][]);
		for (int i = 1; i < lines.size(); i++) {
			if (lines.get(i).isBlank()) continue;
			final String[] v = lines.get(i).split(",", -1);
			final String where = "line " + (i + 1);
			if (v.length != names.length) throw new ScanFormatException(file, where, v.length + " values; expected " + names.length + " as in the header");
			final int x, y;
			try {
				x = Integer.parseInt(v[0].trim());
				y = Integer.parseInt(v[1].trim());
			}
			catch (final NumberFormatException e) {
				throw new ScanFormatException(file, where, "'" + lines.get(i) + "' does not parse; expected integer x, y and decimal map values");
			}
			if (x < 0 || x >= nx || y < 0 || y >= ny)
				throw new ScanFormatException(file, where, "pixel x=" + x + ", y=" + y + " lies outside the " + nx + " x " + ny + " scan of the features");
			try {
				for (int j = 2; j < v.length; j++)
					columns[j - 2][y * nx + x] = Float.parseFloat(v[j].trim());
			}
			catch (final NumberFormatException e) {
				throw new ScanFormatException(file, where, "'" + lines.get(i) + "' does not parse; expected integer x, y and decimal map values");
			}
		}
		return maps;
	}
}
