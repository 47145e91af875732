package org.braggcloud.batch;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;

import org.braggcloud.io.OutputFolder;
import org.braggcloud.pipeline.Pipeline;
import org.braggcloud.pipeline.PipelineException;
import org.braggcloud.pipeline.PipelineResult;
import org.braggcloud.pipeline.ScanBlocks;
import org.braggcloud.progress.ProgressListener;

/**
 * One scan of a batch: run the pipeline on {@code scan} into {@code output}. Plain values only, so
 * that a Spark task can carry it to an executor. The output is written through
 * {@link OutputFolder}'s staging and commit, so a task that dies leaves nothing half written, and
 * a retry (or the next run) recovers or replaces what it left. Without {@code overwrite}, a scan
 * whose complete result is there already is skipped, so a batch that stopped can be run again;
 * an incomplete result (the steps a killed attempt finished) is always run again.
 */
public record ScanJob(String scan, String output, BatchSettings settings, boolean overwrite) implements Serializable {

	private static final long serialVersionUID = 1L;

	/** Never throws for a bad scan: a failure is an outcome, so one scan cannot stop the others. */
	public ScanOutcome run(final ProgressListener progress) {
		return run(progress, ScanBlocks.LOCAL);
	}

	/** {@link #run(ProgressListener)} with the scan's clouds and features made where {@code blocks} says. */
	public ScanOutcome run(final ProgressListener progress, final ScanBlocks blocks) {
		final long start = System.nanoTime();
		final Path out = Path.of(output);
		try {
			if (!overwrite && Pipeline.isComplete(out)) return new ScanOutcome(scan, output, ScanOutcome.Status.SKIPPED, 0, 0, 0, null);
			// Anything else there is an earlier run of this scan that stopped part way (a killed
			// task, a failed step): it left the steps it finished, and this run replaces them.
			try (OutputFolder folder = OutputFolder.create(out, true, "output")) {
				final PipelineResult r = new Pipeline(settings.options()).progress(progress).blocks(blocks).run(Path.of(scan), folder);
				return new ScanOutcome(scan, output, ScanOutcome.Status.DONE, (long) r.nx() * r.ny(), r.k(), seconds(start), null);
			}
		}
		catch (final CancellationException e) {
			throw e;
		}
		catch (final IOException | RuntimeException e) {
			return new ScanOutcome(scan, output, ScanOutcome.Status.FAILED, 0, 0, seconds(start), message(e));
		}
	}

	private static String message(final Exception e) {
		final Throwable t = e instanceof PipelineException p && p.getCause() != null ? p.getCause() : e;
		final String text = t.getMessage() != null ? t.getMessage() : t.toString();
		return e instanceof PipelineException p ? p.step().description() + ": " + text : text;
	}

	private static double seconds(final long start) {
		return (System.nanoTime() - start) / 1e9;
	}
}
