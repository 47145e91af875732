package org.braggcloud.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.braggcloud.progress.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ParallelContextTest {

	@Test
	void loopsRunOnTheCallersExecutorAndNestedLoopsToo() throws Exception {
		final ExecutorService pool = Executors.newFixedThreadPool(3, r -> new Thread(r, "callers-pool"));
		try {
			final Set<String> outer = ConcurrentHashMap.newKeySet();
			final Set<String> inner = ConcurrentHashMap.newKeySet();
			final AtomicLong sum = new AtomicLong();
			ParallelContext.using(pool, () -> {
				ParallelLoop.run(40, 4, 1, (w, from, to) -> {
					outer.add(Thread.currentThread().getName());
					assertSame(pool, ParallelContext.current(), "a task carries the caller's executor");
					ParallelLoop.run(100, 4, 5, (w2, f2, t2) -> {
						inner.add(Thread.currentThread().getName());
						for (int i = f2; i < t2; i++) sum.addAndGet(i);
					});
				});
				return null;
			});
			assertEquals(40L * 4950, sum.get());
			for (final String name : outer) assertTrue(name.equals("callers-pool") || name.equals(Thread.currentThread().getName()), name);
			for (final String name : inner) assertTrue(name.equals("callers-pool") || name.equals(Thread.currentThread().getName()), name);
			assertNull(ParallelContext.current(), "the context ends with the call");
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * Three levels of loops, each wider than the pool, on a pool of one thread: every loop's
	 * caller does its own chunks and never waits for a task that has not started.
	 */
	@Test
	@Timeout(value = 30, unit = TimeUnit.SECONDS)
	void nestedLoopsOnAOneThreadPoolFinish() throws Exception {
		final AtomicLong leaves = new AtomicLong();
		final ExecutorService pool = Executors.newFixedThreadPool(1);
		try {
			ParallelContext.using(pool, () -> {
				ParallelLoop.run(8, 8, 1, (a, f1, t1) -> ParallelLoop.run(8, 8, 1, (b, f2, t2) -> ParallelLoop.run(8, 8, 1,
					(c, f3, t3) -> leaves.addAndGet(t3 - f3))));
				return null;
			});
		}
		finally {
			pool.shutdownNow();
		}
		assertEquals(512, leaves.get());
	}

	@Test
	void withThreadsEndsItsPoolAndIoErrorsComeBackAsThrown() {
		final IOException thrown = assertThrows(IOException.class, () -> ParallelContext.withThreads(3, () -> {
			ParallelLoop.runIo(10, 3, 1, (w, from, to) -> {
				if (from == 7) throw new IOException("frame 7 unreadable");
			}, ProgressListener.NONE, null);
			return null;
		}));
		assertEquals("frame 7 unreadable", thrown.getMessage());
		assertNull(ParallelContext.current());
		assertThrows(IllegalArgumentException.class, () -> ParallelContext.withThreads(0, () -> null));
	}
}
