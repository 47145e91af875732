package org.braggcloud.plugin;

import ij.ImagePlus;

import java.io.File;
import java.io.IOException;
import java.util.Locale;

import org.braggcloud.cloud.PixelCloud;
import org.braggcloud.cloud.PlyFormat;
import org.braggcloud.conversion.ScanToClouds;
import org.braggcloud.io.CalibratedImages;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.io.scan.ScanOpener;
import org.braggcloud.pipeline.Preset;
import org.braggcloud.preparation.PreparedScan;
import org.braggcloud.registration.RegistrationException;
import org.braggcloud.scan.RockingScan;
import org.braggcloud.scan.ScanGrid;
import org.braggcloud.stage.CloudStage;
import org.braggcloud.stage.PrepareStage;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Every masked pixel's Bragg peak as a point cloud: the pipeline's prepare and clouds steps, with
 * their files ({@code mask.tif}, {@code shifts.csv}, {@code clouds/}).
 */
@Plugin(type = Command.class, label = ScanToCloudsCommand.TITLE, headless = true)
public class ScanToCloudsCommand extends StepCommand {

	public static final String TITLE = "Scan to Point Clouds";

	@Parameter(persist = false, label = "Scan descriptor (scan.json)", style = "open")
	private File scan;

	@Parameter(persist = false, label = "Output folder", style = "directory")
	private File output;

	@Parameter(persist = false, label = "Threshold (counts, or auto)")
	private String threshold = "auto";

	@Parameter(persist = false, label = "Keep points above this share of the brightest", min = "0", max = "0.99", stepSize = "0.05")
	private double peak_share = ScanToClouds.DEFAULT_PEAK_SHARE;

	@Parameter(persist = false, label = "Coordinates", choices = { "index", "q-lab", "q-crystal" })
	private String coordinates = "index";

	@Parameter(persist = false, label = "Angle scale (index coordinates)", min = "0.001")
	private double angle_scale = 10;

	@Parameter(persist = false, label = "Denoising", choices = { "paper", "none", "outliers", "lpa-ici" })
	private String denoise = "paper";

	@Parameter(persist = false, label = "Points per cloud (0 = all)", min = "0")
	private int points = 0;

	@Parameter(persist = false, label = "Resampling", choices = { "farthest", "random" })
	private String sampling = "farthest";

	@Parameter(persist = false, label = "Intensity clip (counts, 0 = none)", min = "0")
	private double clip = 0;

	@Parameter(persist = false, label = "PLY format", choices = { "binary", "ascii" })
	private String ply_format = "binary";

	@Parameter(persist = false, label = "Preset (paper: the paper's frame and random subset)", choices = { "default", "paper" })
	private String preset = "default";

	@Parameter(persist = false, label = "Correct drift between rocking scans")
	private boolean align = true;

	@Parameter(persist = false, label = "Threads (0 = all cores)", min = "0")
	private int threads = 0;

	@Parameter(persist = false, label = "Overwrite existing results")
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Points per pixel")
	private ImagePlus point_counts;

	@Override
	protected void execute(final CommandProgress progress) throws IOException, RegistrationException {
		final int cores = ThreadCount.of(threads);
		try (RockingScan s = ScanOpener.open(scan.toPath()); OutputFolder out = outputFolder(output, overwrite)) {
			CloudStage.Options options = new CloudStage.Options(threshold, coordinates, angle_scale, denoise, points, sampling, clip, peak_share,
				false, ply_format.equals("ascii") ? PlyFormat.ASCII : PlyFormat.BINARY_LITTLE_ENDIAN, cores);
			if (Preset.of(preset) == Preset.PAPER) options = options.withPaperFrame(points > 0 ? points : Preset.PAPER_POINTS);
			CloudStage.check(options, s);
			final PreparedScan prepared = PrepareStage.run(s, new PrepareStage.Options(align, cores), progress);
			PrepareStage.write(prepared, s.grid(), out);
			final CloudStage.Result r = CloudStage.run(s, prepared, options, out, progress);
			if (!r.summary().emptyPixels().isEmpty())
				log.warn(r.summary().emptyPixels().size() + " masked pixels gave empty clouds and were left out (listed in clouds/empty_clouds.csv)");
			out.commit();
			final ScanGrid grid = s.grid();
			final float[] counts = new float[grid.pointCount()];
			java.util.Arrays.fill(counts, Float.NaN);
			for (final PixelCloud c : r.clouds())
				counts[grid.frameIndex(c.x(), c.y())] = c.cloud().size();
			point_counts = CalibratedImages.floatImage(s.name() + " points per pixel", counts, grid.nx(), grid.ny(), grid.stepUm(), "um");
			log.info(String.format(Locale.ROOT, "Wrote %d clouds (%d points, %s) to %s", r.summary().clouds(), r.summary().points(),
				r.automatic() ? "voxels whose box beats each point's background" : String.format(Locale.ROOT, "threshold %.3g counts", r.summary().threshold()),
				out.target()));
			progress.done("Point clouds done");
		}
	}
}
