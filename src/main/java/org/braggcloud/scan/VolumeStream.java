package org.braggcloud.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.braggcloud.progress.Completion;
import org.braggcloud.progress.ProgressListener;

/**
 * Streams a whole scan as blocks of consecutive scan points, so that whole-scan passes run in a
 * heap far smaller than the scan.
 * <p>
 * Two blocks are in memory at a time: while the caller processes one, the next is read, one
 * rocking angle (one file) per task. Usage:
 *
 * <pre>
 * VolumeStream.of(scan).threads(2).progress(listener).forEach(block -&gt; ...);
 * </pre>
 */
public final class VolumeStream {

	/** Default memory for one block of volumes; two blocks are alive at a time. */
	public static final long DEFAULT_BLOCK_BYTES = 32L << 20;

	/** Work on one block; it may throw I/O errors. */
	@FunctionalInterface
	public interface BlockConsumer {
		void accept(VolumeBlock block) throws IOException;
	}

	private final RockingScan scan;
	private int threads = Runtime.getRuntime().availableProcessors();
	private int pixelsPerBlock;
	private ProgressListener progress = ProgressListener.NONE;
	private String stage = "Reading frames";

	private VolumeStream(final RockingScan scan) {
		this.scan = scan;
		final long bytesPerPixel = 4L * scan.voxelsPerPixel();
		this.pixelsPerBlock = (int) Math.max(1, Math.min(scan.grid().pointCount(), DEFAULT_BLOCK_BYTES / bytesPerPixel));
	}

	public static VolumeStream of(final RockingScan scan) {
		return new VolumeStream(scan);
	}

	/** Threads that read angles concurrently (at least 1). */
	public VolumeStream threads(final int threads) {
		this.threads = Math.max(1, threads);
		return this;
	}

	/** Scan points per block (at least 1). */
	public VolumeStream pixelsPerBlock(final int pixels) {
		this.pixelsPerBlock = Math.max(1, Math.min(pixels, scan.grid().pointCount()));
		return this;
	}

	public VolumeStream progress(final ProgressListener listener, final String stageName) {
		this.progress = listener;
		this.stage = stageName;
		return this;
	}

	/**
	 * Visits every scan point once, in frame order, block by block.
	 *
	 * @throws CancellationException when the listener asks to stop (checked between blocks)
	 */
	public void forEach(final BlockConsumer consumer) throws IOException {
		final int total = scan.grid().pointCount();
		final VolumeBlock[] blocks = {
			new VolumeBlock(scan.grid(), scan.rows(), scan.columns(), scan.angleCount(), pixelsPerBlock),
			new VolumeBlock(scan.grid(), scan.rows(), scan.columns(), scan.angleCount(), pixelsPerBlock) };
		final ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
			final Thread t = new Thread(r, "bragg-cloud-reader");
			t.setDaemon(true);
			return t;
		});
		try {
			progress.progress(stage, 0, total);
			List<Future<?>> pending = submitRead(pool, blocks[0], 0, Math.min(pixelsPerBlock, total));
			int current = 0;
			for (int first = 0; first < total; first += pixelsPerBlock) {
				await(pending);
				final VolumeBlock block = blocks[current];
				final int next = first + pixelsPerBlock;
				pending = next < total ? submitRead(pool, blocks[1 - current], next, Math.min(pixelsPerBlock, total - next)) : List.of();
				progress.checkCancelled();
				consumer.accept(block);
				progress.progress(stage, Math.min(next, total), total);
				current = 1 - current;
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private List<Future<?>> submitRead(final ExecutorService pool, final VolumeBlock block, final int first, final int size) {
		block.set(first, size);
		final int plane = scan.rows() * scan.columns();
		final List<Future<?>> futures = new ArrayList<>(scan.angleCount());
		for (int a = 0; a < scan.angleCount(); a++) {
			final int angle = a;
			futures.add(pool.submit(() -> {
				try {
					scan.frames(angle).read(first, size, block.buffers(), angle * plane);
				}
				catch (final IOException e) {
					throw new UncheckedIOException(e);
				}
			}));
		}
		return futures;
	}

	private static void await(final List<Future<?>> futures) throws IOException {
		for (final Future<?> f : futures)
			Completion.await(f);
	}
}
