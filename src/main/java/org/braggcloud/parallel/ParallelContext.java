package org.braggcloud.parallel;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The executor that the parallel loops of one run share, set by the caller around the run (as
 * imglib2's {@code Parallelization.runWithExecutor} does): a command or the pipeline gives one
 * pool to all its steps instead of each step making threads of its own. Tasks that a loop sends
 * to the executor carry the context with them, so loops nested inside loops use the same pool.
 * {@link ParallelLoop} never waits for a task that has not started, so sharing one bounded pool
 * between nested loops cannot deadlock.
 * <p>
 * Without a context, each loop makes and ends its own threads, so core classes also work when
 * called on their own.
 */
public final class ParallelContext {

	/** A task that may throw what the caller handles. */
	@FunctionalInterface
	public interface Task<T, E extends Exception> {

		T run() throws E;
	}

	private static final ThreadLocal<ExecutorService> CURRENT = new ThreadLocal<>();

	private ParallelContext() {}

	/** The executor set for this thread, or null for none. */
	public static ExecutorService current() {
		return CURRENT.get();
	}

	/** Runs {@code task} on this thread with {@code executor} as the loops' pool, then restores the previous one. */
	public static <T, E extends Exception> T using(final ExecutorService executor, final Task<T, E> task) throws E {
		final ExecutorService before = CURRENT.get();
		CURRENT.set(executor);
		try {
			return task.run();
		}
		finally {
			if (before == null) CURRENT.remove();
			else CURRENT.set(before);
		}
	}

	/**
	 * Runs {@code task} with a pool made for it: {@code threads - 1} daemon threads, since the
	 * calling thread works in every loop too; the pool ends with the task. One thread needs no pool.
	 */
	public static <T, E extends Exception> T withThreads(final int threads, final Task<T, E> task) throws E {
		if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
		if (threads == 1) return task.run();
		final ExecutorService pool = daemonPool(threads - 1, "bragg-cloud-worker");
		try {
			return using(pool, task);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** {@code task} wrapped so that it runs with this thread's context on whichever thread runs it. */
	static <T> Callable<T> carried(final Callable<T> task) {
		final ExecutorService executor = CURRENT.get();
		if (executor == null) return task;
		return () -> using(executor, task::call);
	}

	static ExecutorService daemonPool(final int threads, final String name) {
		return Executors.newFixedThreadPool(threads, r -> {
			final Thread t = new Thread(r, name);
			t.setDaemon(true);
			return t;
		});
	}
}
