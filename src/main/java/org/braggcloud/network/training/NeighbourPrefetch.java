package org.braggcloud.network.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.braggcloud.network.NeighbourRows;
import org.braggcloud.progress.Completion;

/**
 * Searches batches' neighbours ({@link NeighbourRows}, a CPU kd-tree) on one Java thread, so
 * the search of the next batch overlaps the native work of the current one. Get one from
 * {@link FoldingNetTrainer#prefetch()}, {@link #submit} a batch one step ahead, and pass the
 * result to {@link FoldingNetTrainer#step(Prefetched)}:
 * <pre>
 * try (NeighbourPrefetch prefetch = trainer.prefetch()) {
 *     Prefetched next = prefetch.submit(first);
 *     while (next != null) {
 *         Prefetched current = next;
 *         next = more ? prefetch.submit(following) : null;
 *         loss += trainer.step(current);
 *     }
 * }
 * </pre>
 * Batches are built by the caller, in its own order, so seeded shuffles and augmentations stay
 * deterministic; the search itself is deterministic. {@link #close()} abandons any pending search.
 */
public final class NeighbourPrefetch implements AutoCloseable {

	/** A batch whose neighbour search was started; {@link #neighbours()} waits for it. */
	public static final class Prefetched {

		private final float[][] clouds;
		private final Future<int[]> search;
		private final int k;

		private Prefetched(final float[][] clouds, final Future<int[]> search, final int k) {
			this.clouds = clouds;
			this.search = search;
			this.k = k;
		}

		public float[][] clouds() {
			return clouds;
		}

		int k() {
			return k;
		}

		/** The rows of {@link NeighbourRows#of}, waiting for the search if it is still running. */
		public int[] neighbours() {
			try {
				return Completion.await(search);
			}
			catch (final IOException e) {
				throw new UncheckedIOException(e); // the search does no I/O
			}
		}
	}

	private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
		final Thread t = new Thread(r, "bragg-cloud-neighbours");
		t.setDaemon(true);
		return t;
	});
	private final int k;
	private final int threads;

	NeighbourPrefetch(final int k, final int threads) {
		this.k = k;
		this.threads = threads;
	}

	/** Starts the neighbour search of {@code clouds}; searches run one after another, in order. */
	public Prefetched submit(final float[][] clouds) {
		return new Prefetched(clouds, background.submit(() -> NeighbourRows.of(clouds, k, threads)), k);
	}

	@Override
	public void close() {
		background.shutdownNow();
	}
}
