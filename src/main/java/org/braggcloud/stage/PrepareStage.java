package org.braggcloud.stage;

import java.io.IOException;

import org.braggcloud.io.CalibratedImages;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.io.TiffImageFile;
import org.braggcloud.io.scan.ShiftsFile;
import org.braggcloud.preparation.PreparedScan;
import org.braggcloud.preparation.ScanPreparation;
import org.braggcloud.progress.ProgressListener;
import org.braggcloud.registration.RegistrationException;
import org.braggcloud.scan.RockingScan;
import org.braggcloud.scan.ScanGrid;

/**
 * The prepare step: drift, hot pixels, particle mask and background, and its files
 * {@code mask.tif} and (when drift was corrected) {@code shifts.csv}.
 */
public final class PrepareStage {

	/** @param align correct drift between rocking scans */
	public record Options(boolean align, int threads) {}

	private PrepareStage() {}

	public static PreparedScan run(final RockingScan scan, final Options options, final ProgressListener progress)
		throws IOException, RegistrationException
	{
		return new ScanPreparation().align(options.align()).threads(options.threads()).progress(progress).prepare(scan);
	}

	public static void write(final PreparedScan prepared, final ScanGrid grid, final OutputFolder out) throws IOException {
		TiffImageFile.write(mask(prepared, grid, "mask"), out.stage("mask.tif"));
		if (prepared.shifts() != null) ShiftsFile.write(prepared.shifts(), out.stage("shifts.csv"));
	}

	/** The particle mask as a calibrated 8-bit image. */
	public static ij.ImagePlus mask(final PreparedScan prepared, final ScanGrid grid, final String title) {
		return CalibratedImages.maskImage(title, prepared.mask(), grid.nx(), grid.ny(), grid.stepUm(), "um");
	}
}
