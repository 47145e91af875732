package org.braggcloud.io.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.braggcloud.scan.ScanFormatException;

/** A folder of PLY files, one cloud each, as users of the paper's own code have them. */
public final class PlyFolder {

	private PlyFolder() {}

	/** The folder's .ply files, sorted by name; a folder without any is refused. */
	public static List<Path> files(final Path folder) throws IOException {
		if (!Files.isDirectory(folder)) throw new ScanFormatException(folder, "input", "not a folder; expected a folder of .ply files");
		try (Stream<Path> s = Files.list(folder)) {
			final List<Path> files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ply")).sorted().toList();
			if (files.isEmpty()) throw new ScanFormatException(folder, "input", "holds no .ply files");
			return files;
		}
	}
}
