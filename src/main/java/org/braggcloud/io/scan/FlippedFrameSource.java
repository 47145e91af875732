package org.braggcloud.io.scan;

import java.io.IOException;

import org.braggcloud.scan.ForwardingFrameSource;
import org.braggcloud.scan.FrameSource;

/** Presents every frame of another source upside down, as HXN's own readers do. */
final class FlippedFrameSource extends ForwardingFrameSource {

	FlippedFrameSource(final FrameSource source) {
		super(source);
	}

	@Override
	public void read(final int first, final int count, final float[][] dest, final int offset) throws IOException {
		source.read(first, count, dest, offset);
		for (int f = 0; f < count; f++)
			flipRows(dest[f], offset, rows(), columns());
	}

	/** Turns one row-major frame starting at {@code offset} upside down, in place. */
	static void flipRows(final float[] frame, final int offset, final int rows, final int columns) {
		final float[] swap = new float[columns];
		for (int top = 0, bottom = rows - 1; top < bottom; top++, bottom--) {
			final int a = offset + top * columns, b = offset + bottom * columns;
			System.arraycopy(frame, a, swap, 0, columns);
			System.arraycopy(frame, b, frame, a, columns);
			System.arraycopy(swap, 0, frame, b, columns);
		}
	}






}
