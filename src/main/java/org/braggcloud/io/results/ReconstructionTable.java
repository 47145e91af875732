package org.braggcloud.io.results;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code reconstruction_error.csv}: {@code name,points,chamfer}, how far each cloud's
 * reconstruction lies from the cloud (ChamferDistance: mean squared nearest-neighbour distance
 * both ways, in the cloud's units squared).
 */
public final class ReconstructionTable {

	private ReconstructionTable() {}

	public static void write(final Path file, final List<String> names, final int[] points, final double[] chamfer) throws IOException {
		try (Writer w = Files.newBufferedWriter(file)) {
			w.write("name,points,chamfer\n");
			for (int i = 0; i < names.size(); i++) w.write(String.format(Locale.ROOT, "%s,%d,%.6g%n", names.get(i), points[i], chamfer[i]));
		}
	}
}
