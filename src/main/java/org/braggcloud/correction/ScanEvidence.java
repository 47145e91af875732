package org.braggcloud.correction;

import java.io.IOException;
import org.braggcloud.parallel.ParallelLoop;
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
		// One evidence per worker: each keeps work arrays the size of a volume.
		final PeakSignificance[] perWorker = new PeakSignificance[Math.max(1, threads)];
		for (int w = 0; w < perWorker.length; w++)
			perWorker[w] = new PeakSignificance(rows, columns, angles, pattern, valid);
		VolumeStream.of(scan).threads(threads).progress(progress, "Finding peaks").forEach(block -> {
			ParallelLoop.run(block.size(), perWorker.length, 1, (worker, from, to) -> {
				for (int i = from; i < to; i++) {
					final PeakSignificance.Result r = perWorker[worker].measure(block.voxels(i));
					levels[block.frameIndex(i)] = (float) r.level();
					z[block.frameIndex(i)] = (float) r.z();
					net[block.frameIndex(i)] = (float) r.net();
				}
			});
			progress.checkCancelled();
		});
		return new ScanEvidence(levels, z, net, (long) rows * columns * angles);
	}
}
