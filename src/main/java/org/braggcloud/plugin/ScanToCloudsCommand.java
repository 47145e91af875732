package org.braggcloud.plugin;

import ij.ImagePlus;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.braggcloud.cloud.PlyFormat;
import org.braggcloud.cloud.PlyWriter;
import org.braggcloud.conversion.ScanToClouds;
import org.braggcloud.imagej.CalibratedImages;
import org.braggcloud.io.CloudContainer;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.io.PixelCloud;
import org.braggcloud.io.ScanOpener;
import org.braggcloud.io.ShiftsFile;
import org.braggcloud.io.TiffImageFile;
import org.braggcloud.preparation.PreparedScan;
import org.braggcloud.preparation.ScanPreparation;
import org.braggcloud.registration.RegistrationException;
import org.braggcloud.scan.RockingScan;
import org.braggcloud.scan.ScanGrid;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Every masked pixel's Bragg peak as a point cloud: one PLY per pixel and one container. */
@Plugin(type = Command.class, label = ScanToCloudsCommand.TITLE, headless = true)
public class ScanToCloudsCommand extends ContextCommand {

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

	@Parameter(persist = false, label = "Correct drift between rocking scans")
	private boolean align = true;

	@Parameter(persist = false, label = "Threads (0 = all cores)", min = "0")
	private int threads = 0;

	@Parameter(persist = false, label = "Overwrite existing results")
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Points per pixel")
	private ImagePlus point_counts;

	@Parameter
	private StatusService status;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		final CommandProgress progress = new CommandProgress(status, this);
		final int cores = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
		try (RockingScan s = ScanOpener.open(scan.toPath()); OutputFolder out = OutputFolder.create(output.toPath(), overwrite, "output")) {
			final ScanToClouds conversion = CloudSettings.conversion(threshold, coordinates, angle_scale, denoise, points, sampling, clip, s)
				.peakShare(peak_share).threads(cores).progress(progress);
			final PreparedScan prepared = new ScanPreparation().align(align).threads(cores).progress(progress).prepare(s);
			final ScanGrid grid = s.grid();
			final PlyFormat format = ply_format.equals("ascii") ? PlyFormat.ASCII : PlyFormat.BINARY_LITTLE_ENDIAN;
			final List<PixelCloud> clouds = Collections.synchronizedList(new ArrayList<>());
			final ScanToClouds.Summary summary = conversion.run(prepared, c -> {
				PlyWriter.write(out.stage("clouds/" + PixelCloud.name(c.x(), c.y(), grid.nx(), grid.ny()) + ".ply"), c.cloud(), format);
				clouds.add(c);
			});
			clouds.sort(Comparator.<PixelCloud>comparingInt(PixelCloud::y).thenComparingInt(PixelCloud::x));
			final Map<String, String> settings = new LinkedHashMap<>();
			settings.put("coordinates", coordinates);
			settings.put("angle_scale", Double.toString(angle_scale));
			final boolean auto = conversion.bySignificance(prepared);
			settings.put("threshold", auto ? "auto" : Double.toString(summary.threshold()));
			settings.put("peak_share", Double.toString(peak_share));
			settings.put("denoise", denoise);
			settings.put("points", Integer.toString(points));
			settings.put("scan", s.descriptor().file().toString());
			settings.put("step_um", Double.toString(grid.stepUm()));
			new CloudContainer(grid.nx(), grid.ny(), clouds, settings).write(out.stage("clouds.h5"));
			final float[] counts = new float[grid.pointCount()];
			java.util.Arrays.fill(counts, Float.NaN);
			for (final PixelCloud c : clouds)
				counts[grid.frameIndex(c.x(), c.y())] = c.cloud().size();
			TiffImageFile.write(CalibratedImages.maskImage("mask", prepared.mask(), grid.nx(), grid.ny(), grid.stepUm(), "um"), out.stage("mask.tif"));
			if (prepared.shifts() != null) ShiftsFile.write(prepared.shifts(), out.stage("shifts.csv"));
			if (!summary.emptyPixels().isEmpty()) {
				try (Writer w = Files.newBufferedWriter(out.stage("empty_clouds.csv"))) {
					w.write("x,y,reason\n");
					for (final int[] p : summary.emptyPixels())
						w.write(p[0] + "," + p[1] + ",no point left after the threshold and denoising\n");
				}
				log.warn(summary.emptyPixels().size() + " masked pixels gave empty clouds and were left out (listed in empty_clouds.csv)");
			}
			out.commit();
			point_counts = CalibratedImages.floatImage(s.name() + " points per pixel", counts, grid.nx(), grid.ny(), grid.stepUm(), "um");
			log.info(String.format(Locale.ROOT, "Wrote %d clouds (%d points, %s) to %s", summary.clouds(), summary.points(),
				auto ? "voxels whose box beats each point's background" : String.format(Locale.ROOT, "threshold %.3g counts", summary.threshold()),
				out.target()));
			progress.done("Point clouds done");
		}
		catch (final RegistrationException e) {
			cancel("Registration failed: " + e.messageWithAdvice());
		}
		catch (final IOException | CancellationException | IllegalArgumentException e) {
			cancel(e.getMessage());
		}
	}
}
