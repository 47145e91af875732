package org.braggcloud.conversion;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.braggcloud.cloud.PointCloud;
import org.braggcloud.denoise.DenoiseChain;
import org.braggcloud.io.PixelCloud;
import org.braggcloud.preparation.PreparedScan;
import org.braggcloud.progress.Completion;
import org.braggcloud.progress.ProgressListener;
import org.braggcloud.scan.RockingScan;
import org.braggcloud.scan.VolumeStream;

/**
 * Turns every masked pixel of a prepared scan into a point cloud: extraction above a threshold,
 * the denoising chain, then optional resampling to a fixed size.
 * <p>
 * Work is spread over pixels (one cloud per task), which keeps every core busy even though a
 * single cloud is small. Clouds are handed to a sink as they are finished, from worker threads.
 */
public final class ScanToClouds {

	/** Receives finished clouds; called from several threads. */
	@FunctionalInterface
	public interface CloudSink {
		void accept(PixelCloud cloud) throws IOException;
	}

	/**
	 * What a conversion produced besides the clouds.
	 *
	 * @param threshold the threshold given, or the median of the scan points' automatic thresholds
	 */
	public record Summary(double threshold, int clouds, long points, List<int[]> emptyPixels) {}

	private double threshold = Double.NaN;
	private double clip = Double.POSITIVE_INFINITY;
	private CloudCoordinates coordinates = CloudCoordinates.index(10);
	private DenoiseChain denoise = DenoiseChain.paper();
	private int points;
	private CloudSampling sampling = CloudSampling.FARTHEST;
	private long seed = 1;
	private int threads = Runtime.getRuntime().availableProcessors();
	private ProgressListener progress = ProgressListener.NONE;

	/** Counts above which a voxel becomes a point; NaN (default) derives it from the background. */
	public ScanToClouds threshold(final double counts) {
		if (!Double.isNaN(counts) && !(counts >= 0)) throw new IllegalArgumentException("threshold must be a number of counts >= 0, found " + counts);
		this.threshold = counts;
		return this;
	}

	/** The paper's intensity clip: values above this are set to it (points are kept). */
	public ScanToClouds clip(final double level) {
		if (!(level > 0)) throw new IllegalArgumentException("clip must be a positive number of counts, found " + level);
		this.clip = level;
		return this;
	}

	public ScanToClouds coordinates(final CloudCoordinates coordinates) {
		this.coordinates = coordinates;
		return this;
	}

	public ScanToClouds denoise(final DenoiseChain chain) {
		this.denoise = chain;
		return this;
	}

	/** Points per cloud after resampling; 0 keeps all. */
	public ScanToClouds points(final int n, final CloudSampling how, final long samplingSeed) {
		if (n < 0) throw new IllegalArgumentException("points must be 0 (keep all) or positive, found " + n);
		this.points = n;
		this.sampling = how;
		this.seed = samplingSeed;
		return this;
	}

	public ScanToClouds threads(final int n) {
		this.threads = Math.max(1, n);
		return this;
	}

	public ScanToClouds progress(final ProgressListener listener) {
		this.progress = listener;
		return this;
	}

	/** The threshold of every scan point (y * nx + x) of this prepared scan. */
	public double[] thresholdsFor(final PreparedScan prepared) {
		final int points = prepared.view().grid().pointCount();
		if (!Double.isNaN(threshold)) {
			final double[] t = new double[points];
			java.util.Arrays.fill(t, threshold);
			return t;
		}
		return AutomaticThreshold.perPoint(prepared.background(), prepared.hot(), prepared.view().voxelsPerPixel(), points);
	}

	public Summary run(final PreparedScan prepared, final CloudSink sink) throws IOException {
		final RockingScan scan = prepared.view();
		final double[] levels = thresholdsFor(prepared);
		final boolean[] mask = prepared.mask();
		final int rows = scan.rows(), columns = scan.columns(), angles = scan.angleCount();
		final ThreadLocal<CloudExtraction> extraction = ThreadLocal.withInitial(
			() -> new CloudExtraction(rows, columns, angles, clip, prepared.hot(), coordinates));
		final List<int[]> empty = Collections.synchronizedList(new ArrayList<>());
		final long[] totals = new long[2];
		final ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			VolumeStream.of(scan).threads(threads).progress(progress, "Point clouds").forEach(block -> {
				final List<Future<PixelCloud>> tasks = new ArrayList<>();
				for (int i = 0; i < block.size(); i++) {
					final int frame = block.frameIndex(i);
					if (!mask[frame]) continue;
					final float[] volume = block.voxels(i);
					final int x = block.x(i), y = block.y(i);
					tasks.add(pool.submit(() -> {
						PointCloud cloud = extraction.get().extract(volume, levels[frame]);
						if (!cloud.isEmpty()) cloud = denoise.apply(cloud, 1, ProgressListener.NONE);
						if (cloud.isEmpty()) {
							empty.add(new int[] { x, y });
							return null;
						}
						final PixelCloud done = new PixelCloud(x, y, sampling.resample(cloud, points, seed ^ frame));
						sink.accept(done);
						return done;
					}));
				}
				for (final Future<PixelCloud> t : tasks) {
					final PixelCloud c = Completion.await(t);
					if (c != null) {
						totals[0]++;
						totals[1] += c.cloud().size();
					}
				}
				progress.checkCancelled();
			});
		}
		finally {
			pool.shutdownNow();
		}
		final List<int[]> sorted = new ArrayList<>(empty);
		sorted.sort(Comparator.<int[]>comparingInt(p -> p[1]).thenComparingInt(p -> p[0]));
		return new Summary(median(levels, mask), (int) totals[0], totals[1], sorted);
	}

	private static double median(final double[] values, final boolean[] mask) {
		final double[] in = java.util.stream.IntStream.range(0, values.length).filter(i -> mask[i]).mapToDouble(i -> values[i]).sorted().toArray();
		return in.length == 0 ? Double.NaN : in[in.length / 2];
	}
}
