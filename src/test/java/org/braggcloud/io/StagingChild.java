package org.braggcloud.io;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run that stages a result and then waits to be killed: the child process of
 * {@link OutputFolderTest}. Prints "staged" once the file is staged.
 */
public final class StagingChild {

	private StagingChild() {}

	public static void main(final String[] args) throws Exception {
		try (OutputFolder out = OutputFolder.create(Path.of(args[0]), true, "output")) {
			Files.writeString(out.stage("clouds/ply/pixel_001_001.ply"), "partial");
			System.out.println("staged");
			System.out.flush();
			Thread.sleep(120_000);
		}
	}
}
