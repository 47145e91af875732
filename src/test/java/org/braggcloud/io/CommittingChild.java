package org.braggcloud.io;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run that stages a result of many files, waits for a line on its input, then commits: the
 * child of {@link OutputFolderTest} that is killed in the middle of its commit. Prints "staged"
 * once every file is staged.
 *
 * <p>Arguments: target folder, number of PLY files, tag written into every file.
 */
public final class CommittingChild {

	private CommittingChild() {}

	public static void main(final String[] args) throws Exception {
		final Path target = Path.of(args[0]);
		final int files = Integer.parseInt(args[1]);
		final String tag = args[2];
		try (OutputFolder out = OutputFolder.create(target, true, "output")) {
			Files.writeString(out.stage("clouds/clouds.h5"), tag);
			for (int i = 0; i < files; i++)
				Files.writeString(out.stage("clouds/ply/" + tag + "_" + i + ".ply"), tag);
			System.out.println("staged");
			System.out.flush();
			new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
			out.commit();
		}
		System.out.println("committed");
	}
}
