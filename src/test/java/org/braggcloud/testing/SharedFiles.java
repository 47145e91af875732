package org.braggcloud.testing;

import java.nio.file.Path;

/**
 * The project's shared reference data ({@code ../shared} beside the repository, as on developer
 * machines and in CI): interop cases from the paper's code and the paper's grids. The system
 * property {@code braggcloud.shared} points elsewhere if needed.
 */
public final class SharedFiles {

	private SharedFiles() {}

	public static Path of(final String relative) {
		final String override = System.getProperty("braggcloud.shared");
		final Path root = override != null ? Path.of(override) : Path.of("..", "shared");
		return root.resolve(relative).toAbsolutePath().normalize();
	}
}
