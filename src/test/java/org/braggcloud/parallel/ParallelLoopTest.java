package org.braggcloud.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.braggcloud.progress.ProgressListener;
import org.junit.jupiter.api.Test;

class ParallelLoopTest {

	@Test
	void visitsEveryIndexOnceWithValidWorkerIds() {
		for (final int threads : new int[] {1, 2, 5}) {
			final int n = 1003;
			final AtomicReferenceArray<Integer> seen = new AtomicReferenceArray<>(n);
			final int workers = ParallelLoop.workers(n, threads, 10);
			final AtomicLong last = new AtomicLong();
			ParallelLoop.run(n, threads, 10, (w, from, to) -> {
				assertTrue(w >= 0 && w < workers);
				for (int i = from; i < to; i++)
					assertTrue(seen.compareAndSet(i, null, w));
			}, (stage, done, total) -> last.accumulateAndGet(done, Math::max), "test");
			for (int i = 0; i < n; i++)
				assertTrue(seen.get(i) != null);
			assertEquals(n, last.get());
		}
		assertEquals(1, ParallelLoop.workers(5, 8, 10));
		assertEquals(2, ParallelLoop.workers(15, 8, 10));
	}

	@Test
	void cancelStopsAndFailuresPropagate() {
		final AtomicInteger chunks = new AtomicInteger();
		final ProgressListener cancelAfterTwo = new ProgressListener() {

			@Override
			public void progress(final String stage, final long done, final long total) {}

			@Override
			public boolean isCancelled() {
				return chunks.get() >= 2;
			}
		};
		assertThrows(CancellationException.class, () -> ParallelLoop.run(1000, 2, 10,
			(w, from, to) -> chunks.incrementAndGet(), cancelAfterTwo, "test"));
		assertTrue(chunks.get() < 100);
		final IllegalStateException e = assertThrows(IllegalStateException.class, () -> ParallelLoop.run(100, 3, 5,
			(w, from, to) -> {
				if (from == 50)
					throw new IllegalStateException("boom");
			}));
		assertEquals("boom", e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> ParallelLoop.run(10, 0, 1, (w, f, t) -> {}));
	}
}
