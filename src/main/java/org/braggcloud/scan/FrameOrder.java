package org.braggcloud.scan;

/** Page order of a TIFF frame file. */
public enum FrameOrder {
	/** One page per scan point (raster order, x fastest), each page a detector frame. */
	FRAMES,
	/**
	 * One page per detector column, each page an image of height = detector rows and width = scan
	 * points (raster order): the transposed export used by the paper's own code.
	 */
	COLUMNS;

	public String key() {
		return name().toLowerCase();
	}
}
