package org.braggcloud.io.scan;

import java.nio.file.Path;

import org.braggcloud.scan.FrameSource;
import org.braggcloud.scan.PixelType;

/** What every frame file knows once opened: where it is and the shape and type of its frames. */
abstract class FrameFile implements FrameSource {

	private final Path path;
	private final int frames, rows, columns;
	private final PixelType type;

	FrameFile(final Path path, final int frames, final int rows, final int columns, final PixelType type) {
		this.path = path;
		this.frames = frames;
		this.rows = rows;
		this.columns = columns;
		this.type = type;
	}

	@Override
	public final Path file() {
		return path;
	}

	@Override
	public final int frameCount() {
		return frames;
	}

	@Override
	public final int rows() {
		return rows;
	}

	@Override
	public final int columns() {
		return columns;
	}

	@Override
	public final PixelType pixelType() {
		return type;
	}
}
