package org.braggcloud.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.braggcloud.scan.ScanFormatException;

/**
 * A results folder written all-or-nothing, that survives a killed run.
 * <p>
 * Results are written into a hidden staging folder inside the target; {@link #commit()} moves each
 * into place by rename, so a reader never sees a half-written file and an existing result is
 * replaced only by a complete one. {@link #close()} without a commit (failure, cancel) deletes the
 * staging folder, and the target folder too if this run created it, so nothing partial remains; so
 * does SIGTERM (a shutdown hook).
 * <p>
 * The folder keeps a manifest of the results runs wrote ({@value #MANIFEST}). A run replaces the
 * files it writes and, inside each result subfolder it writes (such as {@code clouds/}), the
 * earlier results it did not write again, so new clouds never sit beside stale ones; any file
 * the manifest does not list (the user's own) is left alone.
 * <p>
 * A commit first writes a journal of what it will delete, move and record; a run killed during
 * the moves (SIGKILL, power loss) is completed by the next {@link #create} on the folder, and the
 * staging folder of a run killed before its commit is deleted then. A staging folder still locked
 * by a live process is left to it.
 * <pre>
 * try (OutputFolder out = OutputFolder.create(dir, overwrite, "output")) {
 *     write(out.stage("intensity.tif"));
 *     out.commit();
 * }
 * </pre>
 */
public final class OutputFolder implements AutoCloseable {

	private static final String STAGING_PREFIX = ".bragg-cloud-staging-";
	/** The manifest: one result path per line, relative to the folder, '/' separated. */
	public static final String MANIFEST = ".bragg-cloud-results";
	private static final String FILES = "files", CONTROL = ".control", LOCK = "lock", JOURNAL = "commit";
	/**
	 * Staging folders open in this JVM. Their lock files are never opened again here: on Linux
	 * closing any channel to a file drops every lock this process holds on it.
	 */
	private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

	private final Path target;
	private final Path staging;
	private final boolean createdTarget;
	private final FileChannel lockChannel;
	private final FileLock lock;
	private final Thread onTerminate;
	private volatile boolean committing;
	private volatile boolean committed;

	private OutputFolder(final Path target, final Path staging, final boolean createdTarget, final FileChannel lockChannel,
		final FileLock lock)
	{
		this.target = target;
		this.staging = staging;
		this.createdTarget = createdTarget;
		this.lockChannel = lockChannel;
		this.lock = lock;
		// SIGTERM is a cancel: the staged files go; a commit under way is finished by the next run
		this.onTerminate = new Thread(() -> {
			if (!committing) {
				try {
					discard();
				}
				catch (final IOException | RuntimeException e) {
					// the next create() on this folder removes it
				}
			}
		}, "bragg-cloud output cleanup");
		Runtime.getRuntime().addShutdownHook(onTerminate);
	}

	/**
	 * Prepares to write into {@code folder}, first completing or removing what killed runs left.
	 *
	 * @param overwrite allow writing into a folder that already holds files (see the class comment
	 *                  for what is replaced)
	 * @param parameter the parameter that named the folder, for the error message
	 * @throws ScanFormatException if the folder already holds results and {@code overwrite} is false,
	 *                             or if it is a file
	 */
	public static OutputFolder create(final Path folder, final boolean overwrite, final String parameter) throws IOException {
		final Path target = folder.toAbsolutePath().normalize();
		if (Files.exists(target) && !Files.isDirectory(target))
			throw new ScanFormatException(target, parameter, "is a file; expected a folder for the results");
		final boolean exists = Files.isDirectory(target);
		if (exists) recover(target);
		if (exists && !overwrite && holdsResults(target))
			throw new ScanFormatException(target, parameter, "folder already holds results; choose an empty folder or set overwrite=true");
		Files.createDirectories(target);
		final Path staging = target.resolve(STAGING_PREFIX + UUID.randomUUID());
		Files.createDirectories(staging.resolve(CONTROL));
		Files.createDirectory(staging.resolve(FILES));
		final FileChannel channel = FileChannel.open(staging.resolve(CONTROL).resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		final FileLock lock;
		try {
			lock = channel.lock();
		}
		catch (final IOException | RuntimeException e) {
			channel.close();
			throw e;
		}
		OPEN.add(staging);
		return new OutputFolder(target, staging, !exists, channel, lock);
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
		final Path files = staging.resolve(FILES);
		final Path p = files.resolve(relative).normalize();
		if (!p.startsWith(files)) throw new IllegalArgumentException("Output name escapes the folder: " + relative);
		if (p.getParent() != null) Files.createDirectories(p.getParent());
		return p;
	}

	/** Where the result will be once committed. */
	public Path finalPath(final String relative) {
		return target.resolve(relative).normalize();
	}

	/** Moves every staged result into place. */
	public void commit() throws IOException {
		if (commitStaged()) committed = true;
		deleteTree(staging);
	}

	/**
	 * Moves what is staged so far into place and keeps staging open for more: a multi-step run
	 * commits each step's results when the step completes, so a later failure leaves them intact.
	 */
	public void commitStep() throws IOException {
		if (commitStaged()) committed = true;
		Files.createDirectories(staging.resolve(FILES));
	}

	/** @return whether anything was staged, and so moved into place */
	private boolean commitStaged() throws IOException {
		final Path files = staging.resolve(FILES);
		final List<String> written = relativeFiles(files);
		if (written.isEmpty()) return false;
		final Set<String> before = readManifest(target);
		// earlier results in a result subfolder this commit writes: they would sit beside the new ones
		final Set<String> folders = new TreeSet<>();
		for (final String w : written)
			if (w.indexOf('/') > 0) folders.add(w.substring(0, w.indexOf('/') + 1));
		final List<String> stale = new ArrayList<>();
		for (final String old : before)
			if (!written.contains(old) && folders.stream().anyMatch(old::startsWith)) stale.add(old);
		final Set<String> after = new TreeSet<>(before);
		after.removeAll(stale);
		after.addAll(written);
		final List<String> journal = new ArrayList<>();
		for (final String s : stale) journal.add("delete " + s);
		for (final String m : after) journal.add("record " + m);
		committing = true;
		try {
			writeAtomically(staging.resolve(CONTROL).resolve(JOURNAL), journal);
			apply(target, staging, journal);
		}
		finally {
			committing = false;
		}
		return true;
	}

	/** Carries out a commit's journal; safe to repeat (what is done already is skipped). */
	private static void apply(final Path target, final Path staging, final List<String> journal) throws IOException {
		final List<String> record = new ArrayList<>();
		for (final String line : journal) {
			if (line.startsWith("delete ")) {
				final Path p = inside(target, line.substring(7));
				if (p != null) Files.deleteIfExists(p);
			}
			else if (line.startsWith("record ")) record.add(line.substring(7));
		}
		final Path files = staging.resolve(FILES);
		for (final String relative : relativeFiles(files)) {
			final Path dest = inside(target, relative);
			if (dest == null) continue;
			Files.createDirectories(dest.getParent());
			move(files.resolve(relative), dest);
		}
		writeAtomically(target.resolve(MANIFEST), record);
		Files.deleteIfExists(staging.resolve(CONTROL).resolve(JOURNAL));
		removeEmptyFolders(target, files);
	}

	/**
	 * What killed runs left in {@code target}: a commit under way is finished from its journal; a
	 * staging folder without one is deleted. Folders locked by a live process are skipped.
	 */
	static void recover(final Path target) throws IOException {
		final List<Path> stagings;
		try (Stream<Path> s = Files.list(target)) {
			stagings = s.filter(p -> p.getFileName().toString().startsWith(STAGING_PREFIX) && Files.isDirectory(p)).toList();
		}
		for (final Path staging : stagings) {
			if (OPEN.contains(staging)) continue;
			final Path lockFile = staging.resolve(CONTROL).resolve(LOCK);
			if (!Files.exists(lockFile)) {
				deleteTree(staging); // written before the lock existed, or by an older version
				continue;
			}
			try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
				final FileLock held;
				try {
					held = ch.tryLock();
				}
				catch (final OverlappingFileLockException e) {
					continue; // open in this JVM after all
				}
				if (held == null) continue; // open in another live process
				try {
					final Path journal = staging.resolve(CONTROL).resolve(JOURNAL);
					if (Files.exists(journal)) apply(target, staging, Files.readAllLines(journal, StandardCharsets.UTF_8));
				}
				finally {
					held.release();
				}
			}
			catch (final NoSuchFileException e) {
				// removed meanwhile
			}
			deleteTree(staging);
		}
	}

	/** Whether the results committed to {@code folder} include {@code relative} (by its manifest). */
	public static boolean holds(final Path folder, final String relative) throws IOException {
		return readManifest(folder).contains(relative) && Files.isRegularFile(folder.resolve(relative));
	}

	private static Set<String> readManifest(final Path target) throws IOException {
		final Path m = target.resolve(MANIFEST);
		final Set<String> entries = new LinkedHashSet<>();
		if (Files.isRegularFile(m))
			for (final String line : Files.readAllLines(m, StandardCharsets.UTF_8))
				if (!line.isBlank()) entries.add(line.trim());
		return entries;
	}

	/** The target path of a relative result name, or null if it would leave the folder. */
	private static Path inside(final Path target, final String relative) {
		final Path p = target.resolve(relative).normalize();
		return p.startsWith(target) && !p.equals(target) ? p : null;
	}

	/** Every regular file below {@code root}, relative and '/' separated, sorted. */
	private static List<String> relativeFiles(final Path root) throws IOException {
		if (!Files.isDirectory(root)) return List.of();
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
		}
	}

	/** Deletes the staged folders the moves emptied, deepest first. */
	private static void removeEmptyFolders(final Path target, final Path files) throws IOException {
		if (!Files.isDirectory(files)) return;
		try (Stream<Path> walk = Files.walk(files)) {
			for (final Path d : walk.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList())
				try {
					Files.deleteIfExists(d);
				}
				catch (final DirectoryNotEmptyException e) {
					// a file that could not be moved stays where the error left it
				}
		}
	}

	private static void writeAtomically(final Path file, final List<String> lines) throws IOException {
		final Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
		Files.write(tmp, lines, StandardCharsets.UTF_8);
		move(tmp, file);
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
		try {
			if (lock.isValid()) lock.release();
			lockChannel.close();
			discard();
		}
		finally {
			OPEN.remove(staging);
			try {
				Runtime.getRuntime().removeShutdownHook(onTerminate);
			}
			catch (final IllegalStateException e) {
				// the JVM is shutting down: the hook runs anyway
			}
		}
	}

	/** The staged files, and the target folder if this run made it and nothing else is in it. */
	private void discard() throws IOException {
		if (Files.exists(staging)) deleteTree(staging);
		if (!committed && createdTarget && Files.isDirectory(target)) {
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
