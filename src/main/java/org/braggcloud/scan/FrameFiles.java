package org.braggcloud.scan;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the detector frames live: one file per rocking angle, in angle order.
 *
 * @param format       TIFF or HDF5
 * @param order        page order for TIFF; always {@link FrameOrder#FRAMES} for HDF5
 * @param files        absolute paths, one per angle
 * @param dataset      HDF5 dataset path of shape (frames, rows, columns); null for TIFF
 * @param flipVertical flip every frame upside down on reading (HXN's readers do)
 */
public record FrameFiles(FrameFormat format, FrameOrder order, List<Path> files, String dataset,
	boolean flipVertical)
{
	public FrameFiles {
		files = List.copyOf(files);
	}
}
