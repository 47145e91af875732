package org.braggcloud.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a run replaces, what it keeps, and what killed runs leave behind (real processes). */
class OutputFolderTest {

	@TempDir
	Path dir;

	private static void run(final Path target, final String... files) throws Exception {
		try (OutputFolder out = OutputFolder.create(target, true, "output")) {
			for (final String f : files) Files.writeString(out.stage(f), "new " + f);
			out.commit();
		}
	}

	private static List<Path> stagings(final Path target) throws Exception {
		try (Stream<Path> s = Files.list(target)) {
			return s.filter(p -> p.getFileName().toString().startsWith(".bragg-cloud-staging")).toList();
		}
	}

	@Test
	void overwriteReplacesTheRunsResultsAndKeepsTheUsersFiles() throws Exception {
		final Path t = dir.resolve("out");
		run(t, "mask.tif", "clouds/clouds.h5", "clouds/ply/pixel_001_001.ply", "maps/strain.tif");
		Files.writeString(t.resolve("clouds/notes.txt"), "mine");
		Files.writeString(t.resolve("maps/mine.csv"), "mine");
		Files.writeString(t.resolve("readme.txt"), "mine");
		run(t, "mask.tif", "clouds/clouds.h5");
		assertEquals("new clouds/clouds.h5", Files.readString(t.resolve("clouds/clouds.h5")));
		assertFalse(Files.exists(t.resolve("clouds/ply/pixel_001_001.ply")), "an earlier cloud beside the new container");
		assertEquals("mine", Files.readString(t.resolve("clouds/notes.txt")));
		assertEquals("mine", Files.readString(t.resolve("maps/mine.csv")));
		assertEquals("mine", Files.readString(t.resolve("readme.txt")));
		assertTrue(Files.exists(t.resolve("maps/strain.tif")), "a folder this run does not write is not touched");
		assertTrue(stagings(t).isEmpty());
	}

	private static Process child(final Path target) throws Exception {
		final String java = ProcessHandle.current().info().command().orElse("java");
		final Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), StagingChild.class.getName(), target.toString())
			.redirectErrorStream(true).start();
		final BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
		for (String line; (line = lines.readLine()) != null;)
			if (line.equals("staged")) return p;
		throw new AssertionError("the child ended without staging: exit " + p.waitFor());
	}

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void aRunKilledBeforeItsCommitLeavesNothingAfterTheNextRunStarts() throws Exception {
		final Path t = dir.resolve("killed");
		run(t, "clouds/clouds.h5");
		final Process p = child(t);
		assertEquals(1, stagings(t).size(), "the child holds its staging folder");
		try (OutputFolder meanwhile = OutputFolder.create(t, true, "output")) {
			assertEquals(2, stagings(t).size(), "a live run's staging folder is left to it");
		}
		p.destroyForcibly().waitFor();
		assertEquals(1, stagings(t).size(), "SIGKILL runs no cleanup");
		try (OutputFolder next = OutputFolder.create(t, true, "output")) {
			assertEquals(1, stagings(t).size(), "only the new run's own");
		}
		assertTrue(stagings(t).isEmpty());
		assertEquals("new clouds/clouds.h5", Files.readString(t.resolve("clouds/clouds.h5")), "the earlier result is intact");
		assertFalse(Files.exists(t.resolve("clouds/ply")));
	}

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void sigtermIsACancelThatLeavesNoStagedFiles() throws Exception {
		final Path t = dir.resolve("terminated");
		final Process p = child(t);
		p.destroy();
		assertTrue(p.waitFor(30, TimeUnit.SECONDS));
		assertFalse(Files.exists(t), "the shutdown hook removed the staged files and the folder the run created");
	}

	@Test
	@Timeout(value = 120, unit = TimeUnit.SECONDS)
	void aRunKilledInTheMiddleOfItsCommitIsCompletedByTheNextRunNeverMixed() throws Exception {
		final Path t = dir.resolve("killed-committing");
		final int files = 2000;
		commitInChild(t, files, "old", false);
		commitInChild(t, files, "new", true);
		try (OutputFolder next = OutputFolder.create(t, true, "output")) {
			assertEquals("new", Files.readString(t.resolve("clouds/clouds.h5")));
			final List<Path> plys;
			try (Stream<Path> s = Files.list(t.resolve("clouds/ply"))) {
				plys = s.toList();
			}
			assertEquals(files, plys.size(), "every file of the new result, none of the old");
			for (final Path ply : plys) assertEquals("new", Files.readString(ply), ply.toString());
			assertEquals(files + 1, Files.readAllLines(t.resolve(OutputFolder.MANIFEST)).size());
		}
		assertTrue(stagings(t).isEmpty());
	}

	/** A child stages {@code files} PLY files and commits; with {@code kill}, it is killed once its commit journal exists. */
	private static void commitInChild(final Path target, final int files, final String tag, final boolean kill) throws Exception {
		final String java = ProcessHandle.current().info().command().orElse("java");
		final Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CommittingChild.class.getName(),
			target.toString(), Integer.toString(files), tag).redirectErrorStream(true).start();
		final BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
		for (String line; !"staged".equals(line = lines.readLine());)
			if (line == null) throw new AssertionError("the child ended without staging: exit " + p.waitFor());
		final List<Path> staging = stagings(target);
		assertEquals(1, staging.size());
		final Path journal = staging.get(0).resolve(".control/commit");
		p.getOutputStream().write('\n');
		p.getOutputStream().flush();
		if (kill) {
			while (!Files.exists(journal) && p.isAlive()) Thread.onSpinWait();
			p.destroyForcibly();
		}
		p.waitFor();
		if (!kill) assertEquals(0, p.exitValue());
	}

	@Test
	void aCommitCutShortIsCompletedByTheNextRun() throws Exception {
		final Path t = dir.resolve("cut");
		run(t, "clouds/clouds.h5", "clouds/ply/pixel_001_001.ply");
		// the state a kill leaves midway through a commit: journal written, nothing moved yet
		final Path staging = t.resolve(".bragg-cloud-staging-killed");
		Files.createDirectories(staging.resolve(".control"));
		Files.writeString(staging.resolve(".control/lock"), "");
		Files.write(staging.resolve(".control/commit"), List.of("delete clouds/ply/pixel_001_001.ply", "record clouds/clouds.h5"));
		Files.createDirectories(staging.resolve("files/clouds"));
		Files.writeString(staging.resolve("files/clouds/clouds.h5"), "newer");
		try (OutputFolder next = OutputFolder.create(t, true, "output")) {
			assertEquals("newer", Files.readString(t.resolve("clouds/clouds.h5")));
			assertFalse(Files.exists(t.resolve("clouds/ply/pixel_001_001.ply")), "never the old clouds beside the new container");
			assertEquals(List.of("clouds/clouds.h5"), Files.readAllLines(t.resolve(OutputFolder.MANIFEST)));
		}
		assertTrue(stagings(t).isEmpty());
	}
}
