package org.braggcloud.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

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
}
