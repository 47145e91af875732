package org.braggcloud.network.model;

import org.braggcloud.io.results.NamedClouds;
import java.util.List;

import org.braggcloud.network.FoldingNet;
import org.braggcloud.progress.ProgressListener;

/**
 * Codewords (and optionally reconstructions) of many clouds: each cloud is brought to the
 * model's point count by the model's {@link InputPoints} rule (seeded by the cloud's name),
 * normalised when the model was trained so, and encoded in batches.
 */
public final class FeatureExtraction {

	/**
	 * Features per cloud (the codeword, then for a normalising model the cloud's placement),
	 * their column names, and reconstructions when asked for (else null), in the cloud's own
	 * coordinates.
	 */
	public record Result(float[][] features, String[] columns, float[][] reconstructions) {}

	/**
	 * What a normalising model's codeword cannot hold, appended to it: the cloud's centroid (the
	 * peak's position: strain and tilt) and its standard deviation along each axis (its size).
	 */
	public static final String[] PLACEMENT = { "centroid_x", "centroid_y", "centroid_z", "spread_x", "spread_y", "spread_z" };

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
		final boolean placed = settings.normalize();
		progress.progress("Encoding clouds", 0, n);
		// several batches per call, so the network overlaps each batch with the next one's neighbour search
		final int chunk = BATCHES_PER_CALL * Math.max(1, batch);
		for (int start = 0; start < n; start += chunk) {
			progress.checkCancelled();
			final int end = Math.min(n, start + chunk);
			final float[][] input = new float[end - start][];
			final CloudNormalization[] frames = new CloudNormalization[end - start];
			for (int i = start; i < end; i++) {
				final NamedClouds.Entry e = clouds.get(i);
				final float[] selected = settings.input().select(e.cloud(), settings.points(), e.name().hashCode());
				frames[i - start] = placed ? CloudNormalization.of(selected) : null;
				input[i - start] = placed ? frames[i - start].normalise(selected) : selected;
				if (placed) features[i] = placement(selected, frames[i - start]);
			}
			final float[][] codes = net.encode(input);
			for (int i = start; i < end; i++)
				features[i] = placed ? concat(codes[i - start], features[i]) : codes[i - start];
			if (reconstruct) {
				final float[][] points = net.reconstruct(codes);
				for (int i = start; i < end; i++)
					reconstructions[i] = placed ? frames[i - start].restore(points[i - start]) : points[i - start];
			}
			progress.progress("Encoding clouds", end, n);
		}
		final int width = n == 0 ? 0 : features[0].length;
		final String[] columns = new String[width];
		for (int c = 0; c < width; c++)
			columns[c] = placed && c >= width - PLACEMENT.length ? PLACEMENT[c - (width - PLACEMENT.length)] : "f" + c;
		return new Result(features, columns, reconstructions);
	}

	private static float[] placement(final float[] xyz, final CloudNormalization frame) {
		final int n = xyz.length / 3;
		final float[] p = new float[PLACEMENT.length];
		for (int d = 0; d < 3; d++) {
			p[d] = (float) frame.centre()[d];
			double ss = 0;
			for (int i = 0; i < n; i++) ss += Math.pow(xyz[3 * i + d] - frame.centre()[d], 2);
			p[3 + d] = (float) Math.sqrt(ss / Math.max(1, n));
		}
		return p;
	}

	private static float[] concat(final float[] a, final float[] b) {
		final float[] out = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}
}
