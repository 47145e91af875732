package org.braggcloud.network;

import org.braggcloud.parallel.ParallelLoop;

/**
 * The encoder's graph pooling (docs/pipeline.md §5, step 4): each point's per-channel maximum
 * over its k neighbours. Done on the CPU over Java arrays because the gather-then-max that a
 * tensor library offers either holds a (B*N*k, C) array or makes k passes over memory; here
 * each output row is built once while its neighbours' rows are hot in cache.
 */
public final class NeighbourMaxPool {

	private static final int CHUNK = 1024;

	private NeighbourMaxPool() {}

	/**
	 * @param x row-major {@code (rows, channels)} features
	 * @param neighbours {@code rows * k} row numbers, as {@link NeighbourRows} gives them
	 * @return the pooled {@code (rows, channels)} features
	 */
	public static float[] values(final float[] x, final int channels, final int[] neighbours,
		final int k, final int threads)
	{
		final int rows = check(x, channels, neighbours, k);
		final float[] out = new float[x.length];
		ParallelLoop.run(rows, threads, CHUNK, (worker, from, to) -> {
			for (int i = from; i < to; i++) {
				final int o = i * channels;
				System.arraycopy(x, neighbours[i * k] * channels, out, o, channels);
				for (int j = 1; j < k; j++) {
					final int s = neighbours[i * k + j] * channels;
					for (int c = 0; c < channels; c++) out[o + c] = Math.max(out[o + c], x[s + c]);
				}
			}
		});
		return out;
	}

	/**
	 * Where each pooled value comes from: for output element {@code (i, c)}, the flat index
	 * {@code row * channels + c} of the neighbour row holding the maximum (the first such
	 * neighbour on ties). Gathering {@code x} at these indices gives {@link #values} and, under
	 * autograd, sends each gradient to the one element that won, as PyTorch's max does.
	 */
	public static long[] sources(final float[] x, final int channels, final int[] neighbours,
		final int k, final int threads)
	{
		final int rows = check(x, channels, neighbours, k);
		final long[] out = new long[x.length];
		ParallelLoop.run(rows, threads, CHUNK, (worker, from, to) -> {
			final float[] best = new float[channels];
			for (int i = from; i < to; i++) {
				final int o = i * channels;
				final int first = neighbours[i * k] * channels;
				System.arraycopy(x, first, best, 0, channels);
				for (int c = 0; c < channels; c++) out[o + c] = first + c;
				for (int j = 1; j < k; j++) {
					final int s = neighbours[i * k + j] * channels;
					for (int c = 0; c < channels; c++) {
						if (x[s + c] > best[c]) {
							best[c] = x[s + c];
							out[o + c] = s + c;
						}
					}
				}
			}
		});
		return out;
	}

	private static int check(final float[] x, final int channels, final int[] neighbours, final int k) {
		if (channels < 1 || x.length % channels != 0) {
			throw new IllegalArgumentException(x.length + " values are not rows of " + channels + " channels");
		}
		final int rows = x.length / channels;
		if ((long) rows * k != neighbours.length) {
			throw new IllegalArgumentException(neighbours.length + " neighbour entries for " + rows +
				" rows of k = " + k);
		}
		return rows;
	}
}
