package org.braggcloud.scan;

import java.nio.file.Path;
import java.util.List;

/**
 * The contents of a {@code scan.json}: everything needed to open a rocking scan, with paths
 * already resolved against the descriptor's folder.
 *
 * @param file      the descriptor file itself (null for a scan described in memory)
 * @param name      a human-readable name
 * @param grid      the scan raster
 * @param anglesDeg rocking angles in degrees, one per rocking scan, in file order
 * @param frames    where the detector frames are
 * @param xrfFiles  one 2D XRF map per angle (ny x nx), or empty
 * @param detector  detector pixel size and distance, NaN where unknown
 * @param geometry  diffraction geometry, or null when the descriptor gives none
 */
public record ScanDescriptor(Path file, String name, ScanGrid grid, double[] anglesDeg,
	FrameFiles frames, List<Path> xrfFiles, DetectorSpec detector, ExperimentGeometry geometry)
{
	public ScanDescriptor {
		anglesDeg = anglesDeg.clone();
		xrfFiles = List.copyOf(xrfFiles);
	}

	@Override
	public double[] anglesDeg() {
		return anglesDeg.clone();
	}

	public int angleCount() {
		return anglesDeg.length;
	}

	public boolean hasXrf() {
		return !xrfFiles.isEmpty();
	}

	public boolean hasGeometry() {
		return geometry != null;
	}
}
