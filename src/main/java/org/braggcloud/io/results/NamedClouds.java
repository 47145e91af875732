package org.braggcloud.io.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.braggcloud.cloud.PlyReader;
import org.braggcloud.cloud.PointCloud;
import org.braggcloud.cloud.PixelCloud;

/**
 * The clouds a network reads: from a scan's container ({@code clouds.h5}, with pixel positions)
 * or a folder of PLY files (named by file stem), sorted by name.
 *
 * @param clouds the clouds with their names and, for a scan, pixel positions (x, y; else -1)
 * @param nx     scan width, or 0 when the clouds do not come from a scan
 * @param ny     scan height, or 0
 * @param stepUm scan step, NaN when unknown
 */
public record NamedClouds(List<Entry> clouds, int nx, int ny, double stepUm) {

	public record Entry(String name, int x, int y, PointCloud cloud) implements java.io.Serializable {}

	public boolean fromScan() {
		return nx > 0;
	}

	/**
	 * Clouds from a {@code clouds.h5} container, a folder of PLY files, or a folder of containers
	 * (a training corpus: each cloud named {@code <container stem>_<pixel name>}, with no scan grid).
	 */
	public static NamedClouds read(final Path source) throws IOException {
		final List<Entry> entries = new ArrayList<>();
		final List<Path> containers = Files.isDirectory(source) ? containers(source) : List.of();
		if (!containers.isEmpty()) {
			for (final Path f : containers) {
				final String stem = f.getFileName().toString().replaceFirst("(?i)\\.h5$", "");
				final CloudContainer container = CloudContainer.read(f);
				for (final PixelCloud c : container.clouds())
					entries.add(new Entry(stem + "_" + PixelCloud.name(c.x(), c.y(), container.nx(), container.ny()), -1, -1, c.cloud()));
			}
			entries.sort(Comparator.comparing(Entry::name));
			return new NamedClouds(entries, 0, 0, Double.NaN);
		}
		if (Files.isDirectory(source)) {
			for (final Path f : PlyFolder.files(source)) {
				final String stem = f.getFileName().toString().replaceFirst("(?i)\\.ply$", "");
				entries.add(new Entry(stem, -1, -1, PlyReader.read(f)));
			}
			entries.sort(Comparator.comparing(Entry::name));
			return new NamedClouds(entries, 0, 0, Double.NaN);
		}
		final CloudContainer container = CloudContainer.read(source);
		for (final PixelCloud c : container.clouds())
			entries.add(new Entry(PixelCloud.name(c.x(), c.y(), container.nx(), container.ny()), c.x(), c.y(), c.cloud()));
		entries.sort(Comparator.comparing(Entry::name));
		double step = Double.NaN;
		try {
			step = Double.parseDouble(container.settings().getOrDefault("step_um", "NaN"));
		}
		catch (final NumberFormatException e) {
			// An unknown step leaves the feature image uncalibrated.
		}
		return new NamedClouds(entries, container.nx(), container.ny(), step);
	}

	/** The .h5 files of a folder that holds no PLY files. */
	private static List<Path> containers(final Path folder) throws IOException {
		try (var files = Files.list(folder)) {
			final List<Path> all = files.sorted().toList();
			if (all.stream().anyMatch(p -> p.getFileName().toString().toLowerCase().endsWith(".ply"))) return List.of();
			return all.stream().filter(p -> p.getFileName().toString().toLowerCase().endsWith(".h5")).toList();
		}
	}
}
