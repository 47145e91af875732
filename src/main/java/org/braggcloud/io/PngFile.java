package org.braggcloud.io;

import ij.ImagePlus;
import ij.io.FileSaver;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** Writes an image (a plot, a montage) as PNG, failing loudly rather than leaving no file. */
public final class PngFile {

	private PngFile() {}

	public static void write(final ImagePlus image, final Path file) throws IOException {
		if (!new FileSaver(image).saveAsPng(file.toString())) throw new IOException("Could not write " + file);
	}

	/** The image as PNG bytes in memory (its overlay drawn in), for pages that embed it. */
	public static byte[] encode(final ImagePlus image) throws IOException {
		final BufferedImage pixels = image.getOverlay() != null ? image.flatten().getBufferedImage() : image.getBufferedImage();
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		if (!ImageIO.write(pixels, "png", bytes)) throw new IOException("No PNG encoder for " + image.getTitle());
		return bytes.toByteArray();
	}
}
