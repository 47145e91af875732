package org.braggcloud.correction;

import java.io.IOException;
import java.util.Arrays;

import org.braggcloud.scan.RockingScan;
import org.braggcloud.scan.ScanGrid;

/**
 * The detector's background pattern, estimated from a sample of whole volumes without knowing
 * where the particle is.
 * <p>
 * Rule: start from each pixel's mean count over the sampled frames; then, twice, find in every
 * sampled volume the voxels of its Bragg peak ({@link PeakSignificance}, boxes above the chance of
 * one false box per volume) and its own level, and take each pixel's count over the frames where
 * it is not in a peak, divided by the levels of those frames. The estimate of a pixel that read
 * n counts over an exposure of t level-frames is (n + 1/2) / t, the Jeffreys estimate, so a pixel
 * that read nothing is never taken as exactly background-free.
 * <p>
 * Dead pixels (gaps between detector modules, masked columns) read zero in every sampled frame.
 * Such a pixel is called dead only where the typical pixel read at least 20 counts over the
 * sample, so that a live pixel reads zero throughout with chance below e^-20; at lower backgrounds
 * dead and live pixels cannot be told apart, and a dead pixel then costs nothing anyway.
 */
public final class BackgroundPattern {

	/** Frames sampled by default (spread over whole volumes of evenly chosen scan points). */
	public static final int DEFAULT_SAMPLE = 2000;

	private static final int ROUNDS = 2;
	private static final double DEAD_EVIDENCE = 20;

	private final float[] pattern;
	private final boolean[] dead;

	private BackgroundPattern(final float[] pattern, final boolean[] dead) {
		this.pattern = pattern;
		this.dead = dead;
	}

	public static BackgroundPattern estimate(final RockingScan scan, final HotPixels hot, final int sampleFrames) throws IOException {
		final int rows = scan.rows(), columns = scan.columns(), angles = scan.angleCount(), plane = rows * columns;
		final ScanGrid grid = scan.grid();
		final int total = grid.pointCount();
		final int volumes = (int) Math.min(total, Math.max(Math.min(20, total), (sampleFrames + angles - 1) / angles));
		final int[] points = new int[volumes];
		for (int i = 0; i < volumes; i++)
			points[i] = (int) ((long) i * total / volumes);

		final float[] volume = new float[plane * angles];
		final double[] raw = new double[plane];
		for (final int f : points) {
			read(scan, grid, f, volume);
			for (int a = 0; a < angles; a++)
				for (int p = 0; p < plane; p++)
					raw[p] += volume[a * plane + p];
		}
		final double frames = (double) volumes * angles;
		final boolean[] dead = deadPixels(raw, hot);
		final boolean[] valid = new boolean[plane];
		final float[] pattern = new float[plane];
		for (int p = 0; p < plane; p++) {
			valid[p] = !hot.isHot(p) && !dead[p];
			if (valid[p]) pattern[p] = (float) ((raw[p] + 0.5) / frames);
		}

		final boolean[] peak = new boolean[plane * angles];
		// Each round reads the sampled volumes again rather than keeping them: at 256 x 256 x 41 they
		// would take half a gigabyte, and the reads are a few thousand frames against a scan's millions.
		for (int round = 0; round < ROUNDS; round++) {
			final PeakSignificance significance = new PeakSignificance(rows, columns, angles, pattern, valid);
			final double[] counts = new double[plane], exposure = new double[plane];
			for (final int f : points) {
				read(scan, grid, f, volume);
				final double level = significance.measure(volume, peak).level();
				for (int a = 0; a < angles; a++)
					for (int p = 0; p < plane; p++) {
						final int v = a * plane + p;
						if (peak[v]) continue;
						counts[p] += volume[v];
						exposure[p] += level;
					}
			}
			for (int p = 0; p < plane; p++)
				if (valid[p] && exposure[p] > 0) pattern[p] = (float) ((counts[p] + 0.5) / exposure[p]);
		}
		return new BackgroundPattern(pattern, dead);
	}

	private static boolean[] deadPixels(final double[] raw, final HotPixels hot) {
		final double[] live = Arrays.stream(raw).toArray();
		Arrays.sort(live);
		final boolean[] dead = new boolean[raw.length];
		if (live[live.length / 2] < DEAD_EVIDENCE) return dead;
		for (int p = 0; p < raw.length; p++)
			dead[p] = raw[p] == 0 && !hot.isHot(p);
		return dead;
	}

	private static void read(final RockingScan scan, final ScanGrid grid, final int frame, final float[] volume) throws IOException {
		scan.readVolume(grid.x(frame), grid.y(frame), volume);
	}

	/** Background counts per frame of each pixel at a typical level; 0 at hot and dead pixels. */
	public float[] pattern() {
		return pattern.clone();
	}

	/** Pixels that read zero throughout although the background elsewhere would have lit them. */
	public boolean[] dead() {
		return dead.clone();
	}

	/** Pixels that count: neither hot nor dead. */
	public boolean[] valid(final HotPixels hot) {
		final boolean[] v = new boolean[pattern.length];
		for (int p = 0; p < v.length; p++)
			v[p] = !dead[p] && !hot.isHot(p);
		return v;
	}
}
