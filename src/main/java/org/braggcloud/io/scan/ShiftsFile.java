package org.braggcloud.io.scan;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.braggcloud.scan.ScanFormatException;

/**
 * {@code shifts.csv}: header {@code angle_index,dy,dx}, one row per rocking angle; a feature at
 * (y, x) in angle 0 appears at (y + dy, x + dx) in angle i, in scan pixels.
 */
public final class ShiftsFile {

	public static final String HEADER = "angle_index,dy,dx";

	private ShiftsFile() {}

	public static void write(final double[][] shifts, final Path file) throws IOException {
		try (Writer w = Files.newBufferedWriter(file)) {
			w.write(HEADER + "\n");
			for (int a = 0; a < shifts.length; a++)
				w.write(String.format(Locale.ROOT, "%d,%.4f,%.4f%n", a, shifts[a][0], shifts[a][1]));
		}
	}

	public static double[][] read(final Path file, final int angles) throws IOException {
		if (!Files.isRegularFile(file)) throw new ScanFormatException(file, null, "shifts file not found");
		final List<String> lines = Files.readAllLines(file);
		if (lines.isEmpty() || !lines.get(0).trim().equals(HEADER))
			throw new ScanFormatException(file, "header", "expected '" + HEADER + "'");
		final double[][] shifts = new double[angles][];
		for (int i = 1; i < lines.size(); i++) {
			final String line = lines.get(i).trim();
			if (line.isEmpty()) continue;
			final String[] f = line.split(",");
			try {
				final int a = Integer.parseInt(f[0].trim());
				if (a < 0 || a >= angles) throw new ScanFormatException(file, "line " + (i + 1), "angle_index " + a + " outside 0.." + (angles - 1));
				shifts[a] = new double[] { Double.parseDouble(f[1].trim()), Double.parseDouble(f[2].trim()) };
			}
			catch (final NumberFormatException | ArrayIndexOutOfBoundsException e) {
				throw new ScanFormatException(file, "line " + (i + 1), "expected angle_index,dy,dx numbers, found '" + line + "'");
			}
		}
		for (int a = 0; a < angles; a++)
			if (shifts[a] == null) throw new ScanFormatException(file, "angle_index", "no row for angle " + a + "; expected one per angle (0.." + (angles - 1) + ")");
		return shifts;
	}
}
