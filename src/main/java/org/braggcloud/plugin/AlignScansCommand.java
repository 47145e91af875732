package org.braggcloud.plugin;

import java.io.File;
import java.io.IOException;
import java.util.Locale;

import org.braggcloud.correction.HotPixels;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.io.scan.ScanOpener;
import org.braggcloud.io.scan.ShiftsFile;
import org.braggcloud.preparation.ScanPreparation;
import org.braggcloud.registration.DriftRegistration;
import org.braggcloud.registration.RegistrationException;
import org.braggcloud.scan.RockingScan;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Measures the sample drift between rocking scans and writes it as shifts.csv. */
@Plugin(type = Command.class, label = AlignScansCommand.TITLE, headless = true)
public class AlignScansCommand extends StepCommand {

	public static final String TITLE = "Align Rocking Scans";

	@Parameter(persist = false, label = "Scan descriptor (scan.json)", style = "open")
	private File scan;

	@Parameter(persist = false, label = "Output folder", style = "directory")
	private File output;

	@Parameter(persist = false, label = "Reference maps", choices = { "auto", "xrf", "intensity" })
	private String reference = "auto";

	@Parameter(persist = false, label = "Sub-pixel refinement")
	private boolean subpixel = true;

	@Parameter(persist = false, label = "Overwrite existing results")
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Shifts (angle: dy, dx)")
	private String shifts;

	@Override
	protected void execute(final CommandProgress progress) throws IOException, RegistrationException {
		try (RockingScan s = ScanOpener.open(scan.toPath()); OutputFolder out = outputFolder(output, overwrite)) {
			final ScanPreparation preparation = new ScanPreparation().subpixel(subpixel).progress(progress);
			if (!reference.equals("auto")) preparation.reference(reference.equals("xrf") ? DriftRegistration.Reference.XRF : DriftRegistration.Reference.INTENSITY);
			final double[][] measured = preparation.register(s, HotPixels.find(s, HotPixels.DEFAULT_SAMPLE));
			ShiftsFile.write(measured, out.stage("shifts.csv"));
			out.commit();
			final StringBuilder sb = new StringBuilder();
			for (int a = 0; a < measured.length; a++)
				sb.append(String.format(Locale.ROOT, "%s%d: %.2f, %.2f", a == 0 ? "" : "; ", a, measured[a][0], measured[a][1]));
			shifts = sb.toString();
			log.info("Wrote " + out.finalPath("shifts.csv"));
			progress.done("Aligned " + measured.length + " rocking scans");
		}
	}
}
