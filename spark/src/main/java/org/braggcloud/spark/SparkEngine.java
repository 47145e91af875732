package org.braggcloud.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.braggcloud.batch.BatchEngine;
import org.braggcloud.batch.ScanJob;
import org.braggcloud.batch.ScanOutcome;
import org.braggcloud.progress.ProgressListener;

/**
 * A batch on Spark: each scan is one Spark job of one task, all submitted at once, so the
 * scheduler runs as many at a time as the cluster has task slots, and the driver hears of each
 * scan as it finishes (one line per scan) rather than at the end. Every task runs the same
 * {@link ScanJob} as the local engine. A task whose executor dies is retried by Spark
 * ({@code spark.task.maxFailures}); the scan's output goes through the plugin's staging and
 * commit, so the retry recovers or replaces what the dead attempt left and never duplicates it.
 * <p>
 * Threads per scan left at 0 become the cores of one task ({@code spark.task.cpus}, default 1),
 * so that parallel scans do not oversubscribe an executor.
 */
public final class SparkEngine implements BatchEngine {

	private static final long POLL_MS = 200;

	private final JavaSparkContext context;
	private final int blocks;

	/** @param blocks 0: one task per scan; more: scans in turn, each in this many tasks ({@link SparkScanBlocks}) */
	public SparkEngine(final String master, final int blocks) {
		if (blocks < 0) throw new IllegalArgumentException("blocks must be 0 or more, got " + blocks);
		final SparkConf conf = new SparkConf().setAppName("Bragg Cloud batch").setIfMissing("spark.master", master);
		context = new JavaSparkContext(conf);
		this.blocks = blocks;
	}

	/** One task per scan on a context the caller made (and closes). */
	public SparkEngine(final JavaSparkContext context) {
		this.context = context;
		this.blocks = 0;
	}

	@Override
	public List<ScanOutcome> run(final List<ScanJob> jobs, final Consumer<ScanOutcome> finished, final ProgressListener progress) {
		return blocks > 0 ? inBlocks(jobs, finished, progress) : oneTaskPerScan(jobs, finished, progress);
	}

	/** Scans one after another on the driver, each one's clouds and features in {@link #blocks} tasks. */
	private List<ScanOutcome> inBlocks(final List<ScanJob> jobs, final Consumer<ScanOutcome> finished, final ProgressListener progress) {
		final SparkScanBlocks where = new SparkScanBlocks(context, blocks);
		final List<ScanOutcome> outcomes = new ArrayList<>();
		for (int i = 0; i < jobs.size(); i++) {
			progress.progress("Batch on Spark: scan " + (i + 1) + " of " + jobs.size() + " in " + blocks + " blocks", i, jobs.size());
			progress.checkCancelled();
			final ScanOutcome o = jobs.get(i).run(progress.silenced(), where);
			outcomes.add(o);
			finished.accept(o);
		}
		progress.progress("Batch on Spark", jobs.size(), jobs.size());
		return outcomes;
	}

	private List<ScanOutcome> oneTaskPerScan(final List<ScanJob> jobs, final Consumer<ScanOutcome> finished, final ProgressListener progress) {
		final int taskCores = context.getConf().getInt("spark.task.cpus", 1);
		final List<JavaFutureAction<List<ScanOutcome>>> running = new ArrayList<>();
		for (final ScanJob job : jobs) {
			final ScanJob sized = job.settings().threads() > 0 ? job : new ScanJob(job.scan(), job.output(), job.settings().withThreads(taskCores),
				job.overwrite());
			context.setJobDescription(sized.scan());
			running.add(context.parallelize(List.of(sized), 1).map(new RunScan()).collectAsync());
		}
		final ScanOutcome[] outcomes = new ScanOutcome[jobs.size()];
		int done = 0;
		try {
			while (done < jobs.size()) {
				progress.progress("Batch on Spark: " + done + " of " + jobs.size() + " scans", done, jobs.size());
				if (progress.isCancelled()) {
					for (final JavaFutureAction<?> f : running) f.cancel(true);
					progress.checkCancelled();
				}
				for (int i = 0; i < running.size(); i++) {
					if (outcomes[i] != null) continue;
					try {
						outcomes[i] = running.get(i).get(i == firstOpen(outcomes) ? POLL_MS : 0, TimeUnit.MILLISECONDS).get(0);
					}
					catch (final TimeoutException e) {
						continue;
					}
					catch (final ExecutionException e) {
						// Spark gave up on the task (every attempt's executor died): the scan failed, the batch goes on
						final ScanJob j = jobs.get(i);
						outcomes[i] = new ScanOutcome(j.scan(), j.output(), ScanOutcome.Status.FAILED, 0, 0, 0, "Spark: " + rootMessage(e));
					}
					finished.accept(outcomes[i]);
					done++;
				}
			}
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			for (final JavaFutureAction<?> f : running) f.cancel(true);
			throw new java.util.concurrent.CancellationException("interrupted");
		}
		progress.progress("Batch on Spark", jobs.size(), jobs.size());
		return List.of(outcomes);
	}

	private static int firstOpen(final ScanOutcome[] outcomes) {
		for (int i = 0; i < outcomes.length; i++) if (outcomes[i] == null) return i;
		return -1;
	}

	private static String rootMessage(final Throwable e) {
		Throwable t = e;
		while (t.getCause() != null) t = t.getCause();
		return t.getMessage() != null ? t.getMessage() : t.toString();
	}

	@Override
	public void close() {
		context.close();
	}

	/** The task: one scan, no progress (an executor has no one to tell). */
	private static final class RunScan implements Function<ScanJob, ScanOutcome> {

		private static final long serialVersionUID = 1L;

		@Override
		public ScanOutcome call(final ScanJob job) {
			return job.run(ProgressListener.NONE);
		}
	}
}
