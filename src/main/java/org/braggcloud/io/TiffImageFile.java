package org.braggcloud.io;

import ij.ImagePlus;
import ij.io.FileSaver;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/** Writes ImageJ images as TIFF, keeping calibration and display range (ImageJ's own format). */
public final class TiffImageFile {

	private TiffImageFile() {}

	public static void write(final ImagePlus imp, final Path file) throws IOException {
		final FileSaver saver = new FileSaver(imp);
		final boolean ok = imp.getStackSize() > 1 ? saver.saveAsTiffStack(file.toString()) : saver.saveAsTiff(file.toString());
		if (!ok) throw new IOException("Could not write " + file);
	}

	/**
	 * Saves {@code imp} as a TIFF at {@code file}, written under a temporary name beside it and
	 * renamed when complete, so {@code file} is never half-written; an existing file is replaced.
	 */
	public static void writeReplacing(final ImagePlus imp, final Path file) throws IOException {
		final Path target = file.toAbsolutePath().normalize();
		if (target.getParent() != null) Files.createDirectories(target.getParent());
		final Path staged = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp.tif");
		try {
			write(imp, staged);
			try {
				Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (final AtomicMoveNotSupportedException e) {
				Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(staged);
		}
	}

}
