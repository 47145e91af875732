package org.braggcloud.io;

import java.io.IOException;
import java.nio.file.Path;

/** Test access to the project's recursive delete. */
public final class TestFiles {

	private TestFiles() {}

	public static void deleteTree(final Path root) throws IOException {
		OutputFolder.deleteTree(root);
	}
}
