package org.braggcloud.scan;

/** How the detector frames of one rocking angle are stored. */
public enum FrameFormat {
	/** Multi-page TIFF, one page per scan point (order {@code frames}) or per detector column (order {@code columns}). */
	TIFF,
	/** HDF5 dataset of shape (frames, rows, columns), as written at HXN. */
	HDF5;

	public String key() {
		return name().toLowerCase();
	}
}
