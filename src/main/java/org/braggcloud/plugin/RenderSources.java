package org.braggcloud.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.braggcloud.cloud.PlyReader;
import org.braggcloud.cloud.PointCloud;
import org.braggcloud.io.results.NamedClouds;
import org.braggcloud.scan.ScanFormatException;

/** Finds the cloud to render in a container, a folder of PLY files or one PLY file. */
final class RenderSources {

	/** How many names an error lists before "and N more". */
	private static final int LISTED = 8;

	/** One panel: the source's file name as title, and the chosen cloud. */
	record Panel(String source, String name, PointCloud cloud) {}

	private RenderSources() {}

	/**
	 * The cloud called {@code name} in {@code source} (the first by name when {@code name} is
	 * empty). A single .ply file is its own cloud whatever the name.
	 *
	 * @throws ScanFormatException if the source has no cloud of that name, listing some it has
	 */
	static Panel pick(final Path source, final String name, final String parameter) throws IOException {
		final String title = source.getFileName() == null ? source.toString() : source.getFileName().toString();
		if (Files.isRegularFile(source) && title.toLowerCase().endsWith(".ply"))
			return new Panel(title, title.replaceFirst("(?i)\\.ply$", ""), PlyReader.read(source));
		if (!Files.exists(source)) throw new ScanFormatException(source, parameter, "does not exist");
		final List<NamedClouds.Entry> entries = NamedClouds.read(source).clouds();
		if (entries.isEmpty()) throw new ScanFormatException(source, parameter, "holds no clouds");
		final String wanted = name == null ? "" : name.trim().replaceFirst("(?i)\\.ply$", "");
		if (wanted.isEmpty()) return new Panel(title, entries.get(0).name(), entries.get(0).cloud());
		final List<String> names = new ArrayList<>();
		for (final NamedClouds.Entry e : entries) {
			if (e.name().equals(wanted)) return new Panel(title, e.name(), e.cloud());
			names.add(e.name());
		}
		final String listed = String.join(", ", names.subList(0, Math.min(LISTED, names.size())))
			+ (names.size() > LISTED ? " and " + (names.size() - LISTED) + " more" : "");
		throw new ScanFormatException(source, "cloud_name", "has no cloud '" + wanted + "'; available: " + listed);
	}

	/** Paths from a comma-separated list; blanks are skipped. */
	static List<Path> paths(final String commaSeparated) {
		final List<Path> paths = new ArrayList<>();
		if (commaSeparated == null) return paths;
		for (final String part : commaSeparated.split(","))
			if (!part.isBlank()) paths.add(Path.of(part.trim()));
		return paths;
	}
}
