package org.braggcloud.scan;

import java.io.IOException;
import java.nio.file.Path;

/** A view of another frame source: same file, shape and type; subclasses change what is read. */
public abstract class ForwardingFrameSource implements FrameSource {

	protected final FrameSource source;

	protected ForwardingFrameSource(final FrameSource source) {
		this.source = source;
	}

	@Override
	public Path file() {
		return source.file();
	}

	@Override
	public int frameCount() {
		return source.frameCount();
	}

	@Override
	public int rows() {
		return source.rows();
	}

	@Override
	public int columns() {
		return source.columns();
	}

	@Override
	public PixelType pixelType() {
		return source.pixelType();
	}

	@Override
	public void close() throws IOException {
		source.close();
	}
}
