package org.braggcloud.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.braggcloud.scan.ScanFormatException;

/**
 * A results folder written all-or-nothing.
 * <p>
 * Results are written into a hidden staging folder inside the target; {@link #commit()} moves each
 * into place by rename, so a reader never sees a half-written file and an existing result is
 * replaced only by a complete one. {@link #close()} without a commit (failure, cancel) deletes the
 * staging folder, and the target folder too if this run created it, so nothing partial remains.
 * <pre>
 * try (OutputFolder out = OutputFolder.create(dir, overwrite, "output")) {
 *     write(out.stage("intensity.tif"));
 *     out.commit();
 * }
 * </pre>
 */
public final class OutputFolder implements AutoCloseable {

	private static final String STAGING_PREFIX = ".bragg-cloud-staging-";

	private final Path target;
	private final Path staging;
	private final boolean createdTarget;
	private boolean committed;

	private OutputFolder(final Path target, final Path staging, final boolean createdTarget) {
		this.target = target;
		this.staging = staging;
		this.createdTarget = createdTarget;
	}

	/**
	 * Prepares to write into {@code folder}.
	 *
	 * @param overwrite allow writing into a folder that already holds files (same-named results are
	 *                  replaced, others left alone)
	 * @param parameter the parameter that named the folder, for the error message
	 * @throws ScanFormatException if the folder already holds results and {@code overwrite} is false,
	 *                             or if it is a file
	 */
	public static OutputFolder create(final Path folder, final boolean overwrite, final String parameter) throws IOException {
		final Path target = folder.toAbsolutePath().normalize();
		if (Files.exists(target) && !Files.isDirectory(target))
			throw new ScanFormatException(target, parameter, "is a file; expected a folder for the results");
		final boolean exists = Files.isDirectory(target);
		if (exists && !overwrite && holdsResults(target))
			throw new ScanFormatException(target, parameter, "folder already holds results; choose an empty folder or set overwrite=true");
		Files.createDirectories(target);
		final Path staging = target.resolve(STAGING_PREFIX + UUID.randomUUID());
		Files.createDirectory(staging);
		return new OutputFolder(target, staging, !exists);
	}

	private static boolean holdsResults(final Path dir) throws IOException {
		try (Stream<Path> entries = Files.list(dir)) {
			return entries.anyMatch(p -> !p.getFileName().toString().startsWith("."));
		}
	}

	/** The final folder. */
	public Path target() {
		return target;
	}

	/**
	 * Where to write the result that will be called {@code relative} in the target folder
	 * (parent folders are created).
	 */
	public Path stage(final String relative) throws IOException {
		final Path p = staging.resolve(relative).normalize();
		if (!p.startsWith(staging)) throw new IllegalArgumentException("Output name escapes the folder: " + relative);
		if (p.getParent() != null) Files.createDirectories(p.getParent());
		return p;
	}

	/**
	 * A result written so far: the staged file if it is still staged, else the committed one
	 * (which may not exist). Creates nothing, unlike {@link #stage}.
	 */
	public Path written(final String relative) {
		final Path p = staging.resolve(relative).normalize();
		if (!p.startsWith(staging)) throw new IllegalArgumentException("Output name escapes the folder: " + relative);
		return Files.exists(p) ? p : finalPath(relative);
	}

	/** Where the result will be once committed. */
	public Path finalPath(final String relative) {
		return target.resolve(relative).normalize();
	}

	/** Moves every staged result into place. */
	public void commit() throws IOException {
		moveStaged();
		committed = true;
		deleteTree(staging);
	}

	/**
	 * Moves what is staged so far into place and keeps staging open for more: a multi-step run
	 * commits each step's results when the step completes, so a later failure leaves them intact.
	 */
	public void commitStep() throws IOException {
		moveStaged();
		committed = true;
		deleteTree(staging.resolve(".replaced"));
	}

	private void moveStaged() throws IOException {
		final List<Path> top;
		try (Stream<Path> s = Files.list(staging)) {
			top = new ArrayList<>(s.filter(p -> !p.getFileName().toString().equals(".replaced")).toList());
		}
		final Path trash = staging.resolve(".replaced");
		for (final Path p : top) {
			final Path dest = target.resolve(p.getFileName().toString());
			if (Files.isDirectory(dest) && Files.isDirectory(p)) {
				// Swap whole folders: the old one goes to the trash first, so a folder is never mixed.
				Files.createDirectories(trash);
				Files.move(dest, trash.resolve(p.getFileName().toString()));
			}
			move(p, dest);
		}
	}

	private static void move(final Path from, final Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (final AtomicMoveNotSupportedException e) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (final FileAlreadyExistsException | DirectoryNotEmptyException e) {
			throw new ScanFormatException(to, null, "cannot replace: a file and a folder of this name clash", e);
		}
	}

	/** Discards everything not committed. */
	@Override
	public void close() throws IOException {
		if (Files.exists(staging)) deleteTree(staging);
		if (!committed && createdTarget) {
			try (Stream<Path> s = Files.list(target)) {
				if (s.findAny().isEmpty()) Files.deleteIfExists(target);
			}
		}
	}

	/** Deletes a folder and everything in it (nothing when it does not exist). */
	public static void deleteTree(final Path root) throws IOException {
		if (!Files.exists(root)) return;
		try (Stream<Path> walk = Files.walk(root)) {
			walk.sorted(Comparator.reverseOrder()).forEach(p -> {
				try {
					Files.deleteIfExists(p);
				}
				catch (final IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
		catch (final UncheckedIOException e) {
			throw e.getCause();
		}
	}
}
