package org.braggcloud.network.model;

import java.util.List;

import org.braggcloud.network.FoldingNet;
import org.braggcloud.progress.ProgressListener;

/**
 * Codewords (and optionally reconstructions) of many clouds: each cloud is brought to the
 * model's point count by the model's {@link InputPoints} rule (seeded by the cloud's name),
 * normalised when the model was trained so, and encoded in batches.
 */
public final class FeatureExtraction {

	/** Codewords per cloud, and reconstructions when asked for (else null). */
	public record Result(float[][] features, float[][] reconstructions) {}

	/** Batches handed to the network per call: enough to overlap, few enough for frequent progress. */
	private static final int BATCHES_PER_CALL = 4;

	private FeatureExtraction() {}

	/**
	 * A cloud as the network reads it: {@code points} points chosen by {@code input} (seeded by
	 * the name) and normalised when asked. Training and extraction both use this, so a model sees
	 * its clouds the same way in both.
	 */
	public static float[] networkInput(final NamedClouds.Entry entry, final int points, final InputPoints input, final boolean normalize) {
		final float[] xyz = input.select(entry.cloud(), points, entry.name().hashCode());
		return normalize ? CloudNormalization.apply(xyz) : xyz;
	}

	/** A cloud as the network of {@code settings} reads it. */
	public static float[] networkInput(final NamedClouds.Entry entry, final ModelFolder.Settings settings) {
		return networkInput(entry, settings.points(), settings.input(), settings.normalize());
	}

	public static Result run(final FoldingNet net, final ModelFolder.Settings settings, final List<NamedClouds.Entry> clouds,
		final int batch, final boolean reconstruct, final ProgressListener progress)
	{
		final int n = clouds.size();
		final float[][] features = new float[n][];
		final float[][] reconstructions = reconstruct ? new float[n][] : null;
		progress.progress("Encoding clouds", 0, n);
		// several batches per call, so the network overlaps each batch with the next one's neighbour search
		final int chunk = BATCHES_PER_CALL * Math.max(1, batch);
		for (int start = 0; start < n; start += chunk) {
			progress.checkCancelled();
			final int end = Math.min(n, start + chunk);
			final float[][] input = new float[end - start][];
			for (int i = start; i < end; i++) {
				input[i - start] = networkInput(clouds.get(i), settings);
			}
			final float[][] codes = net.encode(input);
			System.arraycopy(codes, 0, features, start, codes.length);
			if (reconstruct) System.arraycopy(net.reconstruct(codes), 0, reconstructions, start, codes.length);
			progress.progress("Encoding clouds", end, n);
		}
		return new Result(features, reconstructions);
	}
}
