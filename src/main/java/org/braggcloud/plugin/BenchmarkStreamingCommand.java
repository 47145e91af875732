package org.braggcloud.plugin;

import java.io.File;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CancellationException;

import org.braggcloud.analysis.ScanOverview;
import org.braggcloud.io.scan.ScanOpener;
import org.braggcloud.scan.RockingScan;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Measures a whole-scan streaming pass (the overview) in MB/s of stored frames, with the heap
 * the JVM was given: the project's own benchmark for scans larger than memory.
 */
@Plugin(type = Command.class, label = BenchmarkStreamingCommand.TITLE, headless = true)
public class BenchmarkStreamingCommand extends ContextCommand {

	public static final String TITLE = "Benchmark Scan Streaming";

	@Parameter(persist = false, label = "Scan descriptor (scan.json)", style = "open")
	private File scan;

	@Parameter(persist = false, label = "Threads (0 = all cores)", min = "0")
	private int threads = 0;

	@Parameter(persist = false, label = "Passes", min = "1")
	private int passes = 3;

	@Parameter(type = ItemIO.OUTPUT, label = "Throughput (MB/s, best pass)")
	private double throughput_mb_s;

	@Parameter
	private StatusService status;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		final int t = ThreadCount.of(threads);
		try (RockingScan s = ScanOpener.open(scan.toPath())) {
			final double mb = s.frameBytes() / 1e6;
			final String header = String.format(Locale.ROOT, "%s: %d x %d points, %d x %d detector, %d angles, %s, %.0f MB of frames; heap max %d MB; %d threads",
				s.name(), s.grid().nx(), s.grid().ny(), s.rows(), s.columns(), s.angleCount(), s.pixelType().key(), mb,
				Runtime.getRuntime().maxMemory() >> 20, t);
			System.out.println(header);
			for (int p = 1; p <= passes; p++) {
				final long start = System.nanoTime();
				ScanOverview.compute(s, t, new CommandProgress(status, this));
				final double seconds = (System.nanoTime() - start) / 1e9;
				throughput_mb_s = Math.max(throughput_mb_s, mb / seconds);
				System.out.println(String.format(Locale.ROOT, "pass %d: %.2f s, %.0f MB/s", p, seconds, mb / seconds));
			}
			System.out.println(String.format(Locale.ROOT, "best: %.0f MB/s", throughput_mb_s));
		}
		catch (final IOException | CancellationException e) {
			cancel(e.getMessage());
		}
	}
}
