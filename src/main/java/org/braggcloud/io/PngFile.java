package org.braggcloud.io;

import ij.ImagePlus;
import ij.io.FileSaver;

import java.io.IOException;
import java.nio.file.Path;

/** Writes an image (a plot, a montage) as PNG, failing loudly rather than leaving no file. */
public final class PngFile {

	private PngFile() {}

	public static void write(final ImagePlus image, final Path file) throws IOException {
		if (!new FileSaver(image).saveAsPng(file.toString())) throw new IOException("Could not write " + file);
	}
}
