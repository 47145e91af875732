package org.braggcloud.io.scan;

import org.braggcloud.scan.FrameFormat;
import org.braggcloud.scan.FrameOrder;

/** The three on-disk layouts of frames that Bragg Cloud reads and writes. */
public enum ScanLayout {
	/** One multi-page TIFF per angle, one page per scan point. */
	TIFF_FRAMES("tiff-frames", FrameFormat.TIFF, FrameOrder.FRAMES),
	/** One multi-page TIFF per angle, one page per detector column (the paper's export). */
	TIFF_COLUMNS("tiff-columns", FrameFormat.TIFF, FrameOrder.COLUMNS),
	/** One HDF5 file per angle, frames at entry/instrument/detector/data (HXN). */
	HDF5("hdf5", FrameFormat.HDF5, FrameOrder.FRAMES);

	private final String key;
	private final FrameFormat format;
	private final FrameOrder order;

	ScanLayout(final String key, final FrameFormat format, final FrameOrder order) {
		this.key = key;
		this.format = format;
		this.order = order;
	}

	public String key() {
		return key;
	}

	public FrameFormat format() {
		return format;
	}

	public FrameOrder order() {
		return order;
	}

	public static ScanLayout fromKey(final String key) {
		for (final ScanLayout l : values())
			if (l.key.equalsIgnoreCase(key)) return l;
		throw new IllegalArgumentException("Unknown layout '" + key + "'; expected tiff-frames, tiff-columns or hdf5");
	}
}
