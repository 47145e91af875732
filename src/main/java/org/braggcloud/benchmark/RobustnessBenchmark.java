package org.braggcloud.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

import org.braggcloud.io.OutputFolder;
import org.braggcloud.io.scan.ScanLayout;
import org.braggcloud.pipeline.FeatureKind;
import org.braggcloud.pipeline.Pipeline;
import org.braggcloud.pipeline.PipelineException;
import org.braggcloud.pipeline.PipelineOptions;
import org.braggcloud.pipeline.PipelineResult;
import org.braggcloud.progress.ProgressListener;
import org.braggcloud.scan.PixelType;
import org.braggcloud.simulation.SampleModel;
import org.braggcloud.simulation.SimulatedScanWriter;

/**
 * How the pipeline, with its defaults, holds up across measurement regimes: each regime is
 * simulated into a temporary folder, run twice (the true number of domains given, and chosen
 * automatically) and scored against the simulator's truth. A run that fails is recorded as such
 * and the benchmark goes on; all temporary files are deleted.
 */
public final class RobustnessBenchmark {

	private int nx = 30;
	private int ny = 24;
	private long seed = 1;
	private FeatureKind features = PipelineOptions.DEFAULT_FEATURES;
	private int threads = Runtime.getRuntime().availableProcessors();
	private ProgressListener progress = ProgressListener.NONE;

	public RobustnessBenchmark scanSize(final int nx, final int ny) {
		if (nx < 4 || ny < 4) throw new IllegalArgumentException("scan size must be at least 4 x 4, got " + nx + " x " + ny);
		this.nx = nx;
		this.ny = ny;
		return this;
	}

	/** Seed of the simulated sample and its noise; the pipeline keeps its own default seed. */
	public RobustnessBenchmark seed(final long seed) {
		this.seed = seed;
		return this;
	}

	/** What the pipeline clusters (default: its own default); FoldingNet features use the shipped model. */
	public RobustnessBenchmark features(final FeatureKind kind) {
		this.features = kind;
		return this;
	}

	public RobustnessBenchmark threads(final int threads) {
		if (threads < 1) throw new IllegalArgumentException("threads must be positive, got " + threads);
		this.threads = threads;
		return this;
	}

	/** Told of each finished regime; its cancellation stops the benchmark. */
	public RobustnessBenchmark progress(final ProgressListener listener) {
		this.progress = listener;
		return this;
	}

	/** Runs the regimes in order, handing each row to {@code done} as it finishes. */
	public List<RegimeResult> run(final List<Regime> regimes, final Consumer<RegimeResult> done) throws IOException {
		final List<RegimeResult> results = new ArrayList<>();
		for (int i = 0; i < regimes.size(); i++) {
			progress.progress("Benchmark regimes", i, regimes.size());
			progress.checkCancelled();
			final RegimeResult r = run(regimes.get(i));
			results.add(r);
			done.accept(r);
		}
		progress.progress("Benchmark regimes", regimes.size(), regimes.size());
		return results;
	}

	/** One regime: simulate, run twice, score. */
	public RegimeResult run(final Regime regime) throws IOException {
		final long start = System.nanoTime();
		final Path dir = Files.createTempDirectory("bragg-cloud-robustness");
		try {
			final SampleModel model;
			final Path scan;
			try {
				model = RegimeSimulation.builder(regime, nx, ny, seed).build();
				scan = simulate(model, dir.resolve("scan"));
			}
			catch (final IOException | RuntimeException e) {
				rethrowCancellation(e);
				final RunScore failed = RunScore.failed("simulation failed: " + message(e), 0);
				return new RegimeResult(regime, failed, failed, seconds(start), seconds(start));
			}
			final double simulation = seconds(start);
			final int[] truth = model.truth().labels();
			final RunScore given = score(scan, regime.domains(), truth, dir.resolve("given"));
			final RunScore automatic = score(scan, 0, truth, dir.resolve("automatic"));
			return new RegimeResult(regime, given, automatic, simulation, seconds(start));
		}
		finally {
			try {
				OutputFolder.deleteTree(dir);
			}
			catch (final IOException e) {
				// a leftover temporary folder is harmless
			}
		}
	}

	private Path simulate(final SampleModel model, final Path folder) throws IOException {
		try (OutputFolder out = OutputFolder.create(folder, false, "output")) {
			SimulatedScanWriter.write(model, seed, ScanLayout.TIFF_FRAMES, PixelType.UINT16, false, threads, out, progress.silenced());
			out.commit();
		}
		return folder.resolve("scan.json");
	}

	private RunScore score(final Path scan, final int clusters, final int[] truth, final Path output) {
		final long start = System.nanoTime();
		try (OutputFolder out = OutputFolder.create(output, false, "output")) {
			final PipelineResult r = new Pipeline(options(clusters)).progress(progress.silenced()).run(scan, out);
			return new RunScore(SegmentationScore.maskIoU(r.mask(), truth), SegmentationScore.adjustedRandIndex(truth, r.labels()), r.k(),
				seconds(start), null);
		}
		catch (final IOException | RuntimeException e) {
			rethrowCancellation(e);
			return RunScore.failed("failed: " + message(e), seconds(start));
		}
	}

	/** The pipeline's defaults, as a user gets them, but for the cluster count, the features and threads. */
	private PipelineOptions options(final int clusters) {
		final PipelineOptions d = PipelineOptions.defaults();
		return new PipelineOptions(clusters, d.align(), features, d.model(), d.epochs(), d.points(), d.k(), d.seed(), threads, d.writePly());
	}

	private static void rethrowCancellation(final Exception e) {
		for (Throwable t = e; t != null; t = t.getCause())
			if (t instanceof CancellationException c) throw c;
	}

	/** The failing step and its cause, without the temporary folder the pipeline's message names. */
	private static String message(final Exception e) {
		if (e instanceof PipelineException p && p.getCause() != null)
			return p.step().description() + ": " + text(p.getCause());
		return text(e);
	}

	private static String text(final Throwable t) {
		return t.getMessage() != null ? t.getMessage() : t.toString();
	}

	private static double seconds(final long start) {
		return (System.nanoTime() - start) / 1e9;
	}
}
