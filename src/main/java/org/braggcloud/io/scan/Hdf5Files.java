package org.braggcloud.io.scan;

import io.jhdf.HdfFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.braggcloud.scan.ScanFormatException;

/**
 * Opens an HDF5 file the way every reader here needs it: a file that is no HDF5 or that was cut
 * short is refused by name before any dataset is read. The superblock records where the file
 * ends; a copy or download cut short would otherwise read as garbage further on (NaN points,
 * "missing dataset") with no word of why.
 */
public final class Hdf5Files {

	private Hdf5Files() {}

	/**
	 * @param field the descriptor field or dataset the message names (may be null)
	 * @param expected what the file should be, for the message
	 */
	public static HdfFile open(final Path path, final String field, final String expected) throws IOException {
		final HdfFile hdf;
		try {
			hdf = new HdfFile(path);
		}
		catch (final RuntimeException e) {
			throw new ScanFormatException(path, field, "not a readable HDF5 file (" + e.getMessage() + "); expected " + expected, e);
		}
		try {
			final long end = hdf.getUserBlockSize() + hdf.getHdfBackingStorage().getSuperblock().getEndOfFileAddress();
			final long size = Files.size(path);
			if (size < end)
				throw new ScanFormatException(path, field, "truncated: " + size + " bytes of the " + end + " its HDF5 superblock records; copy or write it again");
			return hdf;
		}
		catch (final IOException | RuntimeException e) {
			hdf.close();
			throw e;
		}
	}
}
