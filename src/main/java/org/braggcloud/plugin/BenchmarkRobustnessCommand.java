package org.braggcloud.plugin;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

import org.braggcloud.benchmark.Regime;
import org.braggcloud.benchmark.RegimeGrid;
import org.braggcloud.benchmark.RegimeResult;
import org.braggcloud.benchmark.RegimeTable;
import org.braggcloud.benchmark.RobustnessBenchmark;
import org.braggcloud.pipeline.FeatureKind;
import org.braggcloud.pipeline.PipelineOptions;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * The pipeline with its defaults across measurement regimes (peak style and height, background
 * level and shape, ROI, domains, drift), scored against the simulator's truth: see
 * {@link RobustnessBenchmark}. Prints a markdown row per regime as it finishes, then the table.
 */
@Plugin(type = Command.class, label = BenchmarkRobustnessCommand.TITLE, headless = true)
public class BenchmarkRobustnessCommand extends ContextCommand {

	public static final String TITLE = "Benchmark Robustness";

	@Parameter(persist = false, label = "Regimes", choices = { "axes", "all" })
	private String regimes = "axes";

	@Parameter(persist = false, label = "Only one detector ROI (0 = every one)", min = "0")
	private int roi = 0;

	@Parameter(persist = false, label = "Only one peak style", choices = { "all", "blob", "faceted" })
	private String peaks = "all";

	@Parameter(persist = false, label = "Only the first regimes (0 = every one)", min = "0")
	private int limit = 0;

	@Parameter(persist = false, label = "Scan size (points, nx x ny)")
	private String scan_size = "40x30";

	@Parameter(persist = false, label = "Random seed")
	private long seed = 1;

	@Parameter(persist = false, label = "Features (foldingnet: the shipped model)", choices = { "descriptors", "foldingnet" })
	private String features = PipelineOptions.DEFAULT_FEATURES.key();

	@Parameter(persist = false, label = "Threads (0 = all cores)", min = "0")
	private int threads = 0;

	@Parameter(persist = false, label = "Save table as CSV (optional)", style = "save", required = false)
	private File output;

	@Parameter(type = ItemIO.OUTPUT, label = "Report")
	private String report;

	@Parameter
	private StatusService status;

	@Override
	public void run() {
		try {
			final int t = ThreadCount.of(threads);
			final int[] size = scanSize(scan_size);
			List<Regime> grid = RegimeGrid.withStyle(RegimeGrid.withRoi(RegimeGrid.named(regimes), roi), peaks);
			if (limit > 0 && limit < grid.size()) grid = grid.subList(0, limit);
			final String intro = String.format(Locale.ROOT, "%d regimes ('%s'), %d x %d scan points, seed %d, %d threads; pipeline defaults "
				+ "with %s features, K given = true domains and automatic K\n", grid.size(), regimes, size[0], size[1], seed, t, features);
			System.out.println(intro);
			System.out.println(RegimeTable.markdownHeader());
			final List<RegimeResult> results = new RobustnessBenchmark().scanSize(size[0], size[1]).seed(seed).features(FeatureKind.of(features)).threads(t)
				.progress(new CommandProgress(status, this)).run(grid, r -> System.out.println(RegimeTable.markdownRow(r)));
			report = intro + "\n" + RegimeTable.markdown(results);
			System.out.println();
			System.out.print(RegimeTable.markdown(results));
			if (output != null) {
				RegimeTable.writeCsv(output.toPath(), results);
				System.out.println("wrote " + output);
			}
		}
		catch (final CancellationException e) {
			cancel(e.getMessage());
		}
		catch (final IOException | IllegalArgumentException e) {
			cancel("Benchmark failed: " + e.getMessage());
		}
	}

	/** "40x30" (or "30 x 24") to { nx, ny }. */
	static int[] scanSize(final String text) {
		final String[] parts = text.trim().toLowerCase(Locale.ROOT).split("\\s*x\\s*");
		try {
			if (parts.length == 2) return new int[] { Integer.parseInt(parts[0]), Integer.parseInt(parts[1]) };
		}
		catch (final NumberFormatException e) {
			// reported below
		}
		throw new IllegalArgumentException("scan size '" + text + "': expected nx x ny, e.g. 30x24");
	}
}
