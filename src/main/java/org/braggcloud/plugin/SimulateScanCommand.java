package org.braggcloud.plugin;

import java.io.File;
import java.io.IOException;
import java.util.Locale;

import org.braggcloud.io.OutputFolder;
import org.braggcloud.io.scan.ScanLayout;
import org.braggcloud.scan.PixelType;
import org.braggcloud.simulation.PeakStyle;
import org.braggcloud.simulation.SampleModel;
import org.braggcloud.simulation.SimulatedScanWriter;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Writes a synthetic rocking scan with its ground truth, for tests, demos and experiment planning. */
@Plugin(type = Command.class, label = SimulateScanCommand.TITLE, headless = true)
public class SimulateScanCommand extends StepCommand {

	public static final String TITLE = "Simulate Nanodiffraction Scan";

	@Parameter(persist = false, label = "Output folder", style = "directory")
	private File output;

	@Parameter(persist = false, label = "Layout", choices = { "tiff-frames", "tiff-columns", "hdf5" })
	private String layout = "tiff-frames";

	@Parameter(persist = false, label = "Pixel type", choices = { "uint16", "uint32", "int32", "float32", "uint8" })
	private String pixel_type = "uint16";

	@Parameter(persist = false, label = "Scan points along x", min = "1")
	private int nx = 40;

	@Parameter(persist = false, label = "Scan points along y", min = "1")
	private int ny = 30;

	@Parameter(persist = false, label = "Scan step (um)", min = "0.001")
	private double step_um = 0.1;

	@Parameter(persist = false, label = "Detector rows", min = "8")
	private int detector_rows = 48;

	@Parameter(persist = false, label = "Detector columns", min = "8")
	private int detector_columns = 48;

	@Parameter(persist = false, label = "Rocking angles", min = "2")
	private int angles = 15;

	@Parameter(persist = false, label = "Rocking step (deg)", min = "0.001")
	private double rocking_step_deg = 0.1;

	@Parameter(persist = false, label = "Domains", min = "1")
	private int domains = 4;

	@Parameter(persist = false, label = "Peak counts (integrated, full thickness)", min = "1")
	private double peak_counts = 20000;

	@Parameter(persist = false, label = "Peak style", choices = { "blob", "faceted" })
	private String peak_style = "blob";

	@Parameter(persist = false, label = "Brightest voxel, full thickness (0 = use peak counts)", min = "0")
	private double peak_maximum = 0;

	@Parameter(persist = false, label = "Background (mean counts per pixel per frame)", min = "0")
	private double background = 0.05;

	@Parameter(persist = false, label = "Fluorescence (counts per pixel per frame, full thickness)", min = "0")
	private double fluorescence = 0;

	@Parameter(persist = false, label = "Dead detector columns", min = "0")
	private int dead_columns = 0;

	@Parameter(persist = false, label = "Dead detector rows", min = "0")
	private int dead_rows = 0;

	@Parameter(persist = false, label = "Hot detector pixels", min = "0")
	private int hot_pixels = 3;

	@Parameter(persist = false, label = "Largest drift between angles (scan pixels)", min = "0")
	private double drift = 0;

	@Parameter(persist = false, label = "Store frames flipped (HXN style)")
	private boolean flip_vertical = false;

	@Parameter(persist = false, label = "Random seed")
	private long seed = 1;

	@Parameter(persist = false, label = "Overwrite existing results")
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Scan descriptor")
	private File scan_file;

	@Override
	protected void execute(final CommandProgress progress) throws IOException {
		try (OutputFolder out = outputFolder(output, overwrite)) {
			final double[] anglesDeg = new double[angles];
			for (int a = 0; a < angles; a++)
				anglesDeg[a] = Math.round((a - (angles - 1) / 2.0) * rocking_step_deg * 1e9) / 1e9; // no binary noise in scan.json
			final SampleModel model = SampleModel.builder().nx(nx).ny(ny).stepUm(step_um).detectorRows(detector_rows)
				.detectorColumns(detector_columns).anglesDeg(anglesDeg).domains(domains).peakCounts(peak_counts)
				.peakStyle(PeakStyle.valueOf(peak_style.toUpperCase(Locale.ROOT))).peakMaximum(peak_maximum)
				.backgroundCounts(background).fluorescenceCounts(fluorescence).deadColumns(dead_columns).deadRows(dead_rows)
				.hotPixels(hot_pixels).maxDriftPx(drift).seed(seed).build();
			SimulatedScanWriter.write(model, seed, ScanLayout.fromKey(layout), PixelType.fromKey(pixel_type), flip_vertical,
				Runtime.getRuntime().availableProcessors(), out, progress);
			out.commit();
			scan_file = out.finalPath("scan.json").toFile();
			log.info("Simulated scan written to " + scan_file);
			progress.done("Simulated scan written");
		}
	}
}
