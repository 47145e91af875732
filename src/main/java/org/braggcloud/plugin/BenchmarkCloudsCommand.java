package org.braggcloud.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.UnaryOperator;

import org.braggcloud.parallel.ParallelLoop;
import org.braggcloud.cloud.PointCloud;
import org.braggcloud.conversion.ScanToClouds;
import org.braggcloud.denoise.DenoiseChain;
import org.braggcloud.denoise.LpaIciFilter;
import org.braggcloud.denoise.OutlierRemoval;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.cloud.PixelCloud;
import org.braggcloud.io.scan.ScanLayout;
import org.braggcloud.io.scan.ScanOpener;
import org.braggcloud.preparation.PreparedScan;
import org.braggcloud.preparation.ScanPreparation;
import org.braggcloud.progress.ProgressListener;
import org.braggcloud.scan.PixelType;
import org.braggcloud.scan.RockingScan;
import org.braggcloud.simulation.SampleModel;
import org.braggcloud.simulation.SimulatedScanWriter;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Speed of the point-cloud step on a generated 40 x 30 scan with 48 x 48 x 15 volumes:
 * conversion (MB/s of frames), outlier removal and LPA-ICI (points/s), and the paper chain end to
 * end (seconds).
 */
@Plugin(type = Command.class, label = BenchmarkCloudsCommand.TITLE, headless = true)
public class BenchmarkCloudsCommand extends ContextCommand {

	public static final String TITLE = "Benchmark Point Clouds";

	@Parameter(persist = false, label = "Step", choices = { "all", "conversion", "outliers", "lpa-ici", "paper" })
	private String step = "all";

	@Parameter(persist = false, label = "Threads (0 = all cores)", min = "0")
	private int threads = 0;

	@Parameter(type = ItemIO.OUTPUT, label = "Report")
	private String report;

	@Override
	public void run() {
		final int t = ThreadCount.of(threads);
		final StringBuilder sb = new StringBuilder();
		Path dir = null;
		try {
			dir = Files.createTempDirectory("bragg-cloud-benchmark");
			final SampleModel model = SampleModel.builder().nx(40).ny(30).detectorRows(48).detectorColumns(48).seed(7).build();
			try (OutputFolder out = OutputFolder.create(dir.resolve("scan"), false, "output")) {
				SimulatedScanWriter.write(model, 7, ScanLayout.TIFF_FRAMES, PixelType.UINT16, false, t, out, ProgressListener.NONE);
				out.commit();
			}
			try (RockingScan scan = ScanOpener.open(dir.resolve("scan/scan.json"))) {
				line(sb, "generated scan: 40 x 30 points, 48 x 48 x 15 volumes, %.0f MB of uint16 frames; %d threads", scan.frameBytes() / 1e6, t);
				final PreparedScan prepared = new ScanPreparation().align(false).threads(t).prepare(scan);
				final List<PixelCloud> raw = Collections.synchronizedList(new ArrayList<>());
				long start = System.nanoTime();
				new ScanToClouds().denoise(DenoiseChain.parse("none")).threads(t).run(prepared, raw::add);
				double s = seconds(start);
				if (step.equals("all") || step.equals("conversion"))
					line(sb, "conversion (no denoising): %.2f s, %.0f MB/s of frames, %d clouds", s, scan.frameBytes() / 1e6 / s, raw.size());
				final long points = raw.stream().mapToLong(c -> c.cloud().size()).sum();
				if (step.equals("all") || step.equals("outliers"))
					line(sb, "outlier removal (k 100, alpha 0.8): %.0f points/s", points / timeEach(raw, c -> OutlierRemoval.paper().apply(c, 1), t));
				if (step.equals("all") || step.equals("lpa-ici"))
					line(sb, "LPA-ICI (sigma 5, density 2): %.0f points/s", points / timeEach(raw, c -> LpaIciFilter.of(5, 2).apply(c, 1, ProgressListener.NONE), t));
				if (step.equals("all") || step.equals("paper")) {
					start = System.nanoTime();
					final PreparedScan again = new ScanPreparation().align(true).threads(t).prepare(scan);
					new ScanToClouds().denoise(DenoiseChain.paper()).threads(t).run(again, c -> {});
					line(sb, "paper chain end to end (prepare, align, convert, denoise): %.1f s", seconds(start));
				}
			}
			report = sb.toString();
		}
		catch (final Exception e) {
			if (e instanceof CancellationException) cancel(e.getMessage());
			else cancel("Benchmark failed: " + e);
		}
		finally {
			if (dir != null) {
				try {
					OutputFolder.deleteTree(dir);
				}
				catch (final IOException e) {
					// A leftover temporary folder is harmless.
				}
			}
		}
	}


	private static double timeEach(final List<PixelCloud> clouds, final UnaryOperator<PointCloud> op, final int threads) {
		final long start = System.nanoTime();
		ParallelLoop.run(clouds.size(), threads, 1, (worker, from, to) -> {
			for (int i = from; i < to; i++)
				op.apply(clouds.get(i).cloud());
		});
		return seconds(start);
	}

	private static double seconds(final long start) {
		return (System.nanoTime() - start) / 1e9;
	}

	private static void line(final StringBuilder sb, final String format, final Object... args) {
		final String l = String.format(Locale.ROOT, format, args);
		System.out.println(l);
		sb.append(l).append('\n');
	}
}
