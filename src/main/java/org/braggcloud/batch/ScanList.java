package org.braggcloud.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.braggcloud.scan.ScanFormatException;

/**
 * The scans of a batch: a folder, in which every {@code scan.json} below it is one scan (sorted by
 * path, so a batch runs in the same order every time), or a text file that lists descriptors one
 * per line (relative to the file's folder; blank lines and lines starting with {@code #} skipped).
 */
public final class ScanList {

	private static final String DESCRIPTOR = "scan.json";

	private ScanList() {}

	public static List<Path> read(final Path scans) throws IOException {
		if (Files.isDirectory(scans)) {
			final List<Path> found;
			try (Stream<Path> s = Files.walk(scans)) {
				found = s.filter(p -> p.getFileName().toString().equals(DESCRIPTOR) && Files.isRegularFile(p))
					.filter(p -> !hidden(scans, p)).map(Path::toAbsolutePath).sorted().toList();
			}
			if (found.isEmpty()) throw new ScanFormatException(scans, null, "no " + DESCRIPTOR + " in this folder or below it; expected one per scan");
			return found;
		}
		if (!Files.isRegularFile(scans)) throw new ScanFormatException(scans, null, "not found; expected a folder of scans or a text file listing scan.json files");
		final List<Path> listed = new ArrayList<>();
		final List<String> lines = Files.readAllLines(scans, StandardCharsets.UTF_8);
		for (int i = 0; i < lines.size(); i++) {
			final String line = lines.get(i).trim();
			if (line.isEmpty() || line.startsWith("#")) continue;
			final Path p = scans.toAbsolutePath().getParent().resolve(line).normalize();
			if (listed.contains(p)) throw new ScanFormatException(scans, "line " + (i + 1), "'" + line + "' is listed twice");
			listed.add(p);
		}
		if (listed.isEmpty()) throw new ScanFormatException(scans, null, "lists no scan; expected one scan.json path per line");
		return listed;
	}

	/** Staging folders and other hidden folders hold no scans of the user's. */
	private static boolean hidden(final Path root, final Path p) {
		for (final Path part : root.relativize(p)) if (part.toString().startsWith(".")) return true;
		return false;
	}
}
