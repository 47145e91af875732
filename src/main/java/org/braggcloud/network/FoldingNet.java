package org.braggcloud.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

import org.braggcloud.network.checkpoint.FoldingNetWeights;
import org.braggcloud.progress.Completion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Inference with the paper's FoldingNet (docs/pipeline.md §5) on DJL's PyTorch engine, from a
 * checkpoint the paper's code wrote. The weights live on this object's own native manager, and
 * every call frees its temporaries, so repeated calls do not grow native memory. Not thread-safe.
 */
public final class FoldingNet implements AutoCloseable {

	/** Largest number of clouds encoded together, as the paper's batches: bounds the per-batch arrays. */
	private static final int MAX_BATCH = 16;
	private static final int CODEWORD = 512;

	private final NDManager manager;
	private final FoldEncoder encoder;
	private final FoldDecoder decoder;
	private final int k;
	private final int threads;
	private final NeighbourSearch search;

	private FoldingNet(final NDManager manager, final FoldEncoder encoder,
		final FoldDecoder decoder, final int k, final int threads, final NeighbourSearch search)
	{
		this.search = search;
		this.manager = manager;
		this.encoder = encoder;
		this.decoder = decoder;
		this.k = k;
		this.threads = threads;
	}

	/** As {@link #fromWeights(FoldingNetWeights, int, float[], int, int, NeighbourSearch)}: all cores, kd-tree. */
	public static FoldingNet fromWeights(final FoldingNetWeights weights, final int k,
		final float[] grid, final int gridDimension)
	{
		return fromWeights(weights, k, grid, gridDimension, Runtime.getRuntime().availableProcessors(),
			NeighbourSearch.TREE);
	}

	/**
	 * @param k neighbours per point, the point itself included (32 in the paper's run)
	 * @param grid the decoder's fixed points, {@code M * gridDimension} floats row-major
	 * @param threads threads for the neighbour search, the pooling and libtorch's intra-op pool
	 *          ({@link TorchThreads})
	 * @param search how neighbours are found: {@link NeighbourSearch#PAPER} for checkpoints of
	 *          the paper's code, {@link NeighbourSearch#TREE} for models trained here
	 */
	public static FoldingNet fromWeights(final FoldingNetWeights weights, final int k,
		final float[] grid, final int gridDimension, final int threads, final NeighbourSearch search)
	{
		TorchThreads.use(threads);
		final NDManager manager = NDManager.newBaseManager("PyTorch");
		try {
			final Layers layers = new Layers(weights, manager);
			return new FoldingNet(manager, new FoldEncoder(layers, k),
				new FoldDecoder(layers, manager, grid, gridDimension), k, threads, search);
		}
		catch (final RuntimeException e) {
			manager.close();
			throw e;
		}
	}

	/** Number of points each reconstruction has (the grid's size). */
	public int outputPoints() {
		return decoder.points();
	}

	/**
	 * 512-d codewords of clouds given as interleaved {@code float[3N]} (x, y, z). Clouds are
	 * encoded in batches of equal size; the next batch's neighbours are searched on a Java
	 * thread while the network runs on the current one.
	 */
	public float[][] encode(final float[][] clouds) {
		final float[][] out = new float[clouds.length][];
		final List<float[][]> batches = batches(clouds);
		final ExecutorService background = Executors.newSingleThreadExecutor(daemon());
		try {
			Future<int[]> next = background.submit(() -> search.rows(batches.get(0), k, threads));
			int start = 0;
			for (int i = 0; i < batches.size(); i++) {
				final int[] neighbours = awaitNeighbours(next);
				if (i + 1 < batches.size()) {
					final float[][] following = batches.get(i + 1);
					next = background.submit(() -> search.rows(following, k, threads));
				}
				final float[][] batch = batches.get(i);
				encodeBatch(batch, neighbours, out, start);
				start += batch.length;
			}
		}
		finally {
			background.shutdownNow();
		}
		return out;
	}

	private static int[] awaitNeighbours(final Future<int[]> search) {
		try {
			return Completion.await(search);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e); // the search does no I/O
		}
	}

	/** Runs of consecutive clouds of one size, at most {@link #MAX_BATCH} long. */
	private static List<float[][]> batches(final float[][] clouds) {
		final List<float[][]> batches = new ArrayList<>();
		int start = 0;
		while (start < clouds.length) {
			final int n = pointCount(clouds[start], start);
			int end = start + 1;
			while (end < clouds.length && end - start < MAX_BATCH && clouds[end].length == 3 * n) end++;
			batches.add(Arrays.copyOfRange(clouds, start, end));
			start = end;
		}
		return batches;
	}

	private static ThreadFactory daemon() {
		return r -> {
			final Thread t = new Thread(r, "bragg-cloud-neighbours");
			t.setDaemon(true);
			return t;
		};
	}

	/** Reconstructions {@code float[3M]} (interleaved) of 512-d codewords. */
	public float[][] reconstruct(final float[][] codewords) {
		final float[][] out = new float[codewords.length][];
		for (int start = 0; start < codewords.length; start += MAX_BATCH) {
			final int end = Math.min(codewords.length, start + MAX_BATCH);
			final float[] flat = new float[(end - start) * CODEWORD];
			for (int i = start; i < end; i++) {
				if (codewords[i].length != CODEWORD) {
					throw new IllegalArgumentException("codeword " + i + " has " +
						codewords[i].length + " values, expected " + CODEWORD);
				}
				System.arraycopy(codewords[i], 0, flat, (i - start) * CODEWORD, CODEWORD);
			}
			try (NDManager m = manager.newSubManager()) {
				final NDArray c = m.create(flat, new Shape(end - start, CODEWORD));
				split(decoder.decode(c).toFloatArray(), start, end, out);
			}
		}
		return out;
	}

	private void encodeBatch(final float[][] batch, final int[] neighbours, final float[][] out,
		final int start)
	{
		final int n = batch[0].length / 3;
		final float[] flat = new float[batch.length * 3 * n];
		for (int i = 0; i < batch.length; i++) System.arraycopy(batch[i], 0, flat, i * 3 * n, 3 * n);
		try (NDManager m = manager.newSubManager()) {
			final NDArray pts = m.create(flat, new Shape(batch.length, n, 3));
			split(encoder.encode(m, pts, neighbours, threads).toFloatArray(), start,
				start + batch.length, out);
		}
	}

	private static void split(final float[] flat, final int start, final int end,
		final float[][] out)
	{
		final int each = flat.length / (end - start);
		for (int i = start; i < end; i++) {
			out[i] = Arrays.copyOfRange(flat, (i - start) * each, (i - start + 1) * each);
		}
	}

	private static int pointCount(final float[] cloud, final int index) {
		if (cloud.length == 0 || cloud.length % 3 != 0) {
			throw new IllegalArgumentException("cloud " + index + " has " + cloud.length +
				" values, not a positive multiple of 3");
		}
		return cloud.length / 3;
	}

	@Override
	public void close() {
		manager.close();
	}
}
