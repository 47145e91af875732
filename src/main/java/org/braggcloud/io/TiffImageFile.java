package org.braggcloud.io;

import ij.ImagePlus;
import ij.io.FileSaver;

import java.io.IOException;
import java.nio.file.Path;

/** Writes ImageJ images as TIFF, keeping calibration and display range (ImageJ's own format). */
public final class TiffImageFile {

	private TiffImageFile() {}

	public static void write(final ImagePlus imp, final Path file) throws IOException {
		final FileSaver saver = new FileSaver(imp);
		final boolean ok = imp.getStackSize() > 1 ? saver.saveAsTiffStack(file.toString()) : saver.saveAsTiff(file.toString());
		if (!ok) throw new IOException("Could not write " + file);
	}
}
