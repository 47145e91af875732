package org.braggcloud.plugin;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

import org.braggcloud.benchmark.Regime;
import org.braggcloud.benchmark.RegimeGrid;
import org.braggcloud.corpus.TrainingCorpus;
import org.braggcloud.io.OutputFolder;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Simulated clouds across the robustness regimes, to train a FoldingNet on: see {@link TrainingCorpus}. */
@Plugin(type = Command.class, label = MakeTrainingCorpusCommand.TITLE, headless = true)
public class MakeTrainingCorpusCommand extends ContextCommand {

	public static final String TITLE = "Make Training Corpus";

	@Parameter(persist = false, label = "Corpus folder to write", style = "directory")
	private File output;

	@Parameter(persist = false, label = "Regimes", choices = { "axes", "all" })
	private String regimes = "all";

	@Parameter(persist = false, label = "Scan size per regime (points, nx x ny)")
	private String scan_size = "20x15";

	@Parameter(persist = false, label = "Relative cuts, comma separated (0.2 = the pipeline's; 0 keeps whole rods)")
	private String peak_shares = "0.2";

	@Parameter(persist = false, label = "Random seed")
	private long seed = 1;

	@Parameter(persist = false, label = "Threads (0 = all cores)", min = "0")
	private int threads = 0;

	@Parameter(persist = false, label = "Overwrite existing results")
	private boolean overwrite = false;

	@Parameter
	private StatusService status;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		try {
			final int[] size = BenchmarkRobustnessCommand.scanSize(scan_size);
			final List<Regime> grid = RegimeGrid.named(regimes);
			try (OutputFolder out = OutputFolder.create(output.toPath(), overwrite, "output")) {
				final long clouds = new TrainingCorpus().scanSize(size[0], size[1]).seed(seed).peakShares(shares(peak_shares))
					.threads(ThreadCount.of(threads)).progress(new CommandProgress(status, this))
					.write(grid, out);
				out.commit();
				log.info(String.format(Locale.ROOT, "Wrote %d clouds of %d regimes to %s", clouds, grid.size(), out.target()));
			}
		}
		catch (final CancellationException e) {
			cancel(e.getMessage());
		}
		catch (final IOException | IllegalArgumentException e) {
			cancel(e.getMessage());
		}
	}

	private static double[] shares(final String text) {
		final String[] parts = text.split(",");
		final double[] out = new double[parts.length];
		for (int i = 0; i < parts.length; i++) {
			try {
				out[i] = Double.parseDouble(parts[i].trim());
			}
			catch (final NumberFormatException e) {
				throw new IllegalArgumentException("peak_shares '" + text + "': expected numbers in [0, 1) separated by commas, e.g. 0.2,0");
			}
		}
		return out;
	}
}
