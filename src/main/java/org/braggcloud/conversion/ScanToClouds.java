package org.braggcloud.conversion;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import org.braggcloud.cloud.PointCloud;
import org.braggcloud.correction.PeakSignificance;
import org.braggcloud.denoise.DenoiseChain;
import org.braggcloud.parallel.ParallelLoop;
import org.braggcloud.cloud.PixelCloud;
import org.braggcloud.preparation.PreparedScan;
import org.braggcloud.progress.ProgressListener;
import org.braggcloud.scan.RockingScan;
import org.braggcloud.scan.VolumeStream;

/**
 * Turns every masked pixel of a prepared scan into a point cloud: extraction (significant boxes or
 * a count threshold), the cut relative to the cloud's brightest point, the denoising chain, then
 * optional resampling to a fixed size.
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
	 * @param threshold the count threshold given, or the median over the mask of the automatic count
	 *                  thresholds ({@link AutomaticThreshold}); NaN when points were chosen by
	 *                  significant boxes, which use no count threshold
	 */
	public record Summary(double threshold, int clouds, long points, List<int[]> emptyPixels) implements java.io.Serializable {}

	/**
	 * Default share of a cloud's brightest point below which points are dropped
	 * ({@link RelativeCut}): measured on simulated scans, it removes the particle rim's false
	 * domain, and cutting before denoising keeps far tails of bright peaks out of the chain.
	 */
	public static final double DEFAULT_PEAK_SHARE = 0.2;

	private double threshold = Double.NaN;
	private double peakShare = DEFAULT_PEAK_SHARE;
	private double clip = Double.POSITIVE_INFINITY;
	private CloudCoordinates coordinates = CloudCoordinates.index(10);
	private DenoiseChain denoise = DenoiseChain.paper();
	private int points;
	private CloudSampling sampling = CloudSampling.FARTHEST;
	private long seed = 1;
	private int threads = Runtime.getRuntime().availableProcessors();
	private ProgressListener progress = ProgressListener.NONE;

	/**
	 * Counts above which a voxel becomes a point. NaN (default): each voxel whose box beats the
	 * scan point's own background with the chance of one false box per volume becomes a point,
	 * valued by its box's net counts ({@link CloudExtraction#extractSignificant}).
	 */
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

	/** Keep only points at or above this share of the cloud's brightest point, before denoising; 0 keeps all. */
	public ScanToClouds peakShare(final double share) {
		if (!(share >= 0 && share < 1)) throw new IllegalArgumentException("peak share must be in [0, 1), found " + share);
		this.peakShare = share;
		return this;
	}

	public double peakShare() {
		return peakShare;
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

	/** Whether clouds are made from significant boxes rather than a count threshold. */
	public boolean bySignificance(final PreparedScan prepared) {
		return Double.isNaN(threshold) && prepared.background().max() > 0;
	}

	/**
	 * The count threshold of every scan point (y * nx + x) of this prepared scan: the one given, or
	 * {@link AutomaticThreshold} of each point's background (what a single voxel would need).
	 */
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
		final boolean significant = bySignificance(prepared);
		// Significant boxes need no count threshold; the counts are only computed for the other rule.
		final double[] levels = significant ? null : thresholdsFor(prepared);
		final boolean[] mask = prepared.mask();
		final int rows = scan.rows(), columns = scan.columns(), angles = scan.angleCount();
		final float[] pattern = prepared.background().perPixel();
		final boolean[] valid = new boolean[pattern.length];
		for (int p = 0; p < valid.length; p++)
			valid[p] = pattern[p] > 0;
		final ThreadLocal<CloudExtraction> extraction = ThreadLocal.withInitial(() -> new CloudExtraction(rows, columns, angles, clip,
			prepared.hot(), coordinates, significant ? new PeakSignificance(rows, columns, angles, pattern, valid) : null));
		final List<int[]> empty = Collections.synchronizedList(new ArrayList<>());
		final long[] totals = new long[2];
		VolumeStream.of(scan).threads(threads).progress(progress, "Point clouds").forEach(block -> {
			final PixelCloud[] made = new PixelCloud[block.size()];
			ParallelLoop.runIo(block.size(), threads, 1, (worker, from, to) -> {
				for (int i = from; i < to; i++) {
					final int frame = block.frameIndex(i);
					if (!mask[frame]) continue;
					final float[] volume = block.voxels(i);
					prepared.gaps().fill(volume);
					PointCloud cloud = significant ? extraction.get().extractSignificant(volume, prepared.background().level(frame))
						: extraction.get().extract(volume, levels[frame]);
					if (!cloud.isEmpty() && peakShare > 0) cloud = RelativeCut.apply(cloud, peakShare);
					if (!cloud.isEmpty()) cloud = denoise.apply(cloud, 1, ProgressListener.NONE);
					if (cloud.isEmpty()) {
						empty.add(new int[] { block.x(i), block.y(i) });
						continue;
					}
					made[i] = new PixelCloud(block.x(i), block.y(i), sampling.resample(cloud, points, seed ^ frame));
					sink.accept(made[i]);
				}
			}, progress, null);
			for (final PixelCloud c : made) {
				if (c != null) {
					totals[0]++;
					totals[1] += c.cloud().size();
				}
			}
		});
		final List<int[]> sorted = new ArrayList<>(empty);
		sorted.sort(Comparator.<int[]>comparingInt(p -> p[1]).thenComparingInt(p -> p[0]));
		return new Summary(significant ? Double.NaN : median(levels, mask), (int) totals[0], totals[1], sorted);
	}

	/** The median of {@code values} over the points of {@code mask}: the summary's threshold. */
	public static double median(final double[] values, final boolean[] mask) {
		final double[] in = java.util.stream.IntStream.range(0, values.length).filter(i -> mask[i]).mapToDouble(i -> values[i]).sorted().toArray();
		return in.length == 0 ? Double.NaN : in[in.length / 2];
	}
}
