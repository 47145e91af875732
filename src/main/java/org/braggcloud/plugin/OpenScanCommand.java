package org.braggcloud.plugin;

import ij.ImagePlus;

import java.io.File;
import java.io.IOException;

import org.braggcloud.analysis.ScanOverview;
import org.braggcloud.io.CalibratedImages;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.io.scan.ScanOpener;
import org.braggcloud.io.TiffImageFile;
import org.braggcloud.scan.RockingScan;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Opens a scan and shows its overview: the intensity map and the mean detector pattern. */
@Plugin(type = Command.class, label = OpenScanCommand.TITLE, headless = true)
public class OpenScanCommand extends StepCommand {

	public static final String TITLE = "Open Nanodiffraction Scan";

	@Parameter(persist = false, label = "Scan descriptor (scan.json)", style = "open")
	private File scan;

	@Parameter(persist = false, label = "Output folder (optional)", style = "directory", required = false)
	private File output;

	@Parameter(persist = false, label = "Overwrite existing results")
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Intensity")
	private ImagePlus intensity;

	@Parameter(type = ItemIO.OUTPUT, label = "Mean pattern")
	private ImagePlus mean_pattern;

	@Override
	protected void execute(final CommandProgress progress) throws IOException {
		try (RockingScan s = ScanOpener.open(scan.toPath());
			OutputFolder out = output == null ? null : outputFolder(output, overwrite))
		{
			final ScanOverview overview = ScanOverview.compute(s, Runtime.getRuntime().availableProcessors(), progress);
			intensity = CalibratedImages.floatImage(s.name() + " intensity", overview.intensity(), s.grid().nx(), s.grid().ny(), s.grid().stepUm(), "um");
			final double pixel = s.descriptor().detector().pixelUm();
			mean_pattern = CalibratedImages.floatImage(s.name() + " mean pattern", overview.meanPattern(), s.columns(), s.rows(), pixel > 0 ? pixel : 1, pixel > 0 ? "um" : "pixel");
			if (out != null) {
				TiffImageFile.write(intensity, out.stage("intensity.tif"));
				TiffImageFile.write(mean_pattern, out.stage("mean_pattern.tif"));
				out.commit();
				log.info("Wrote intensity.tif and mean_pattern.tif to " + out.target());
			}
			progress.done("Opened " + s.name());
		}
	}
}
