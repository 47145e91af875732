package org.braggcloud.parallel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.braggcloud.progress.ProgressListener;

/**
 * Runs a loop over {@code 0..n-1} in chunks on an explicit number of threads.
 * <p>
 * Chunks are handed out dynamically, so uneven per-point cost (dense and sparse regions of a cloud)
 * still balances. Each worker has a fixed id below {@link #workers}, so the body can keep one
 * scratch buffer per worker instead of allocating per point. Between chunks the loop asks the
 * listener whether to stop and reports progress, so a cancel takes effect within one chunk. With one
 * worker everything runs on the calling thread: many small clouds then pay no thread start-up.
 * The other workers run on the {@link ParallelContext}'s executor when the caller set one, else on
 * threads made for this call.
 */
public final class ParallelLoop {

	/** The work for one chunk {@code [from, to)}, done by worker {@code worker}. */
	@FunctionalInterface
	public interface Body {

		void run(int worker, int from, int to);
	}

	private ParallelLoop() {
	}

	/** How many workers {@link #run} uses: at most {@code threads}, at most one per chunk, at least 1. */
	public static int workers(final int n, final int threads, final int chunk) {
		if (threads < 1)
			throw new IllegalArgumentException("threads must be >= 1, got " + threads);
		if (chunk < 1)
			throw new IllegalArgumentException("chunk must be >= 1, got " + chunk);
		final long chunks = (n + (long) chunk - 1) / chunk;
		return (int) Math.max(1, Math.min(threads, chunks));
	}

	/** A chunk's work that may fail with an I/O error. */
	@FunctionalInterface
	public interface IoBody {

		void run(int worker, int from, int to) throws IOException;
	}

	/**
	 * {@link #run(int, int, int, Body, ProgressListener, String)} for work that reads or writes
	 * files: the first I/O error is thrown as it was.
	 */
	public static void runIo(final int n, final int threads, final int chunk, final IoBody body,
		final ProgressListener listener, final String stage) throws IOException
	{
		try {
			run(n, threads, chunk, (worker, from, to) -> {
				try {
					body.run(worker, from, to);
				}
				catch (final IOException e) {
					throw new UncheckedIOException(e);
				}
			}, listener, stage);
		}
		catch (final UncheckedIOException e) {
			throw e.getCause();
		}
	}

	/** Runs {@code body} over {@code 0..n-1} without progress reports. */
	public static void run(final int n, final int threads, final int chunk, final Body body) {
		run(n, threads, chunk, body, ProgressListener.NONE, null);
	}

	/**
	 * Runs {@code body} over {@code 0..n-1} in chunks of {@code chunk} indices on
	 * {@link #workers} threads (the caller is one of them).
	 *
	 * @param stage the progress stage name; null reports nothing
	 * @throws CancellationException when the listener cancels; other failures of the body are
	 *           rethrown (checked ones wrapped in a RuntimeException)
	 */
	public static void run(final int n, final int threads, final int chunk, final Body body,
		final ProgressListener listener, final String stage)
	{
		final int workers = workers(n, threads, chunk);
		if (n <= 0)
			return;
		final int chunks = (int) ((n + (long) chunk - 1) / chunk);
		final AtomicInteger next = new AtomicInteger();
		final AtomicLong done = new AtomicLong();
		final AtomicReference<Throwable> failure = new AtomicReference<>();
		final Object reportLock = new Object();
		final List<Runnable> tasks = new ArrayList<>();
		for (int w = 0; w < workers; w++) {
			final int worker = w;
			tasks.add(() -> {
				try {
					while (failure.get() == null) {
						final int c = next.getAndIncrement();
						if (c >= chunks)
							break;
						listener.checkCancelled();
						final int from = c * chunk;
						final int to = (int) Math.min(n, (long) from + chunk);
						body.run(worker, from, to);
						final long d = done.addAndGet(to - from);
						if (stage != null) {
							synchronized (reportLock) {
								listener.progress(stage, d, n);
							}
						}
					}
				}
				catch (final Throwable t) {
					failure.compareAndSet(null, t);
				}
			});
		}
		if (workers == 1) {
			tasks.get(0).run();
		}
		else {
			final ExecutorService shared = ParallelContext.current();
			final ExecutorService pool = shared != null ? shared : ParallelContext.daemonPool(workers - 1, "bragg-cloud-loop");
			try {
				final List<Future<?>> futures = new ArrayList<>();
				final List<AtomicBoolean> claimed = new ArrayList<>();
				for (int w = 1; w < workers; w++) {
					final Runnable task = tasks.get(w);
					final AtomicBoolean mine = new AtomicBoolean();
					claimed.add(mine);
					futures.add(pool.submit(ParallelContext.carried(() -> {
						if (mine.compareAndSet(false, true)) task.run();
						return null;
					})));
				}
				tasks.get(0).run();
				// The caller has taken chunks until none were left: a task that has not started would
				// find none either, so it is claimed here and skipped rather than waited for. Waiting
				// only for tasks that run keeps nested loops on one bounded pool free of deadlock.
				for (int i = 0; i < futures.size(); i++)
					if (!claimed.get(i).compareAndSet(false, true)) futures.get(i).get();
			}
			catch (final InterruptedException e) {
				failure.compareAndSet(null, new CancellationException("Cancelled by the user"));
				Thread.currentThread().interrupt();
			}
			catch (final ExecutionException e) {
				failure.compareAndSet(null, e.getCause());
			}
			finally {
				if (shared == null) pool.shutdownNow();
			}
		}
		final Throwable t = failure.get();
		if (t instanceof RuntimeException)
			throw (RuntimeException) t;
		if (t instanceof Error)
			throw (Error) t;
		if (t != null)
			throw new RuntimeException(t);
	}
}
