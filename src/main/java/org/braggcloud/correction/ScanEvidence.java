package org.braggcloud.correction;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.braggcloud.progress.Completion;
import org.braggcloud.progress.ProgressListener;
import org.braggcloud.scan.RockingScan;
import org.braggcloud.scan.VolumeStream;

/**
 * Every scan point's own background level and the evidence that it carries a Bragg peak
 * ({@link PeakSignificance}), from one streaming pass over the scan.
 *
 * @param levels background level of each scan point, multiplier of the pattern (y * nx + x)
 * @param z      largest box deviate of each scan point against its background
 * @param net    net counts of each scan point's peak (over the voxels taken as peak)
 * @param boxes  boxes scored per volume, for a Bonferroni bound
 */
public record ScanEvidence(float[] levels, float[] z, float[] net, long boxes) {

	public static ScanEvidence measure(final RockingScan scan, final float[] pattern, final boolean[] valid, final int threads,
		final ProgressListener progress) throws IOException
	{
		final int rows = scan.rows(), columns = scan.columns(), angles = scan.angleCount();
		final int points = scan.grid().pointCount();
		final float[] levels = new float[points], z = new float[points], net = new float[points];
		final ThreadLocal<PeakSignificance> perThread = ThreadLocal.withInitial(() -> new PeakSignificance(rows, columns, angles, pattern, valid));
		final ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
		try {
			VolumeStream.of(scan).threads(threads).progress(progress, "Finding peaks").forEach(block -> {
				final List<Future<?>> tasks = new ArrayList<>();
				final int chunk = Math.max(1, (block.size() + threads - 1) / Math.max(1, threads));
				for (int start = 0; start < block.size(); start += chunk) {
					final int s = start, e = Math.min(block.size(), start + chunk);
					tasks.add(pool.submit(() -> {
						final PeakSignificance significance = perThread.get();
						for (int i = s; i < e; i++) {
							final PeakSignificance.Result r = significance.measure(block.voxels(i));
							levels[block.frameIndex(i)] = (float) r.level();
							z[block.frameIndex(i)] = (float) r.z();
							net[block.frameIndex(i)] = (float) r.net();
						}
					}));
				}
				for (final Future<?> t : tasks)
					Completion.await(t);
				progress.checkCancelled();
			});
		}
		finally {
			pool.shutdownNow();
		}
		return new ScanEvidence(levels, z, net, (long) rows * columns * angles);
	}
}
