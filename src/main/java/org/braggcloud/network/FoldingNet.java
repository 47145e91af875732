package org.braggcloud.network;

import java.util.Arrays;

import org.braggcloud.network.checkpoint.FoldingNetWeights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Inference with the paper's FoldingNet (docs/pipeline.md §5) on DJL's PyTorch engine, from a
 * checkpoint the paper's code wrote. The weights live on this object's own native manager, and
 * every call frees its temporaries, so repeated calls do not grow native memory. Not thread-safe.
 */
public final class FoldingNet implements AutoCloseable {

	/** Largest number of clouds encoded together; bounds the (B, N, N) distance matrix. */
	private static final int MAX_BATCH = 16;
	private static final int CODEWORD = 512;

	private final NDManager manager;
	private final FoldEncoder encoder;
	private final FoldDecoder decoder;

	private FoldingNet(final NDManager manager, final FoldEncoder encoder,
		final FoldDecoder decoder)
	{
		this.manager = manager;
		this.encoder = encoder;
		this.decoder = decoder;
	}

	/**
	 * @param k neighbours per point, the point itself included (32 in the paper's run)
	 * @param grid the decoder's fixed points, {@code M * gridDimension} floats row-major
	 */
	public static FoldingNet fromWeights(final FoldingNetWeights weights, final int k,
		final float[] grid, final int gridDimension)
	{
		final NDManager manager = NDManager.newBaseManager("PyTorch");
		try {
			final Layers layers = new Layers(weights, manager);
			return new FoldingNet(manager, new FoldEncoder(layers, k),
				new FoldDecoder(layers, manager, grid, gridDimension));
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

	/** 512-d codewords of clouds given as interleaved {@code float[3N]} (x, y, z). */
	public float[][] encode(final float[][] clouds) {
		final float[][] out = new float[clouds.length][];
		int start = 0;
		while (start < clouds.length) {
			final int n = pointCount(clouds[start], start);
			int end = start + 1;
			while (end < clouds.length && end - start < MAX_BATCH && clouds[end].length == 3 * n) end++;
			encodeBatch(clouds, start, end, n, out);
			start = end;
		}
		return out;
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

	private void encodeBatch(final float[][] clouds, final int start, final int end, final int n,
		final float[][] out)
	{
		final float[] flat = new float[(end - start) * 3 * n];
		for (int i = start; i < end; i++) System.arraycopy(clouds[i], 0, flat, (i - start) * 3 * n, 3 * n);
		try (NDManager m = manager.newSubManager()) {
			final NDArray pts = m.create(flat, new Shape(end - start, n, 3));
			split(encoder.encode(m, pts).toFloatArray(), start, end, out);
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
