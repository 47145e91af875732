package org.braggcloud.scan;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The detector frames of one rocking angle, read on demand as 32-bit float counts.
 * <p>
 * Implementations read straight from the file (nothing is cached), so a scan far larger than the
 * heap can be streamed. Reads of one source may come from several threads.
 */
public interface FrameSource extends Closeable {

	Path file();

	int frameCount();

	int rows();

	int columns();

	PixelType pixelType();

	/**
	 * Reads frames {@code first .. first + count - 1}. Frame {@code first + i} is written row-major
	 * (index = row * columns + column) into {@code dest[i]} starting at {@code offset}.
	 */
	void read(int first, int count, float[][] dest, int offset) throws IOException;
}
