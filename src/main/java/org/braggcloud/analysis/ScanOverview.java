package org.braggcloud.analysis;

import java.io.IOException;

import org.braggcloud.progress.ProgressListener;
import org.braggcloud.scan.RockingScan;
import org.braggcloud.scan.VolumeStream;

/**
 * The first look at a scan, from one streaming pass over all frames:
 * <ul>
 * <li>the intensity map: raw counts of each scan point summed over all angles and detector pixels
 * (ny x nx, row-major);</li>
 * <li>the mean pattern: the mean frame over all scan points and angles (rows x columns,
 * row-major).</li>
 * </ul>
 * Sums are accumulated in double precision and rounded to float at the end.
 */
public final class ScanOverview {

	private final float[] intensity;
	private final float[] meanPattern;

	private ScanOverview(final float[] intensity, final float[] meanPattern) {
		this.intensity = intensity;
		this.meanPattern = meanPattern;
	}

	/** Intensity map, ny x nx, index y * nx + x. */
	public float[] intensity() {
		return intensity;
	}

	/** Mean detector frame, rows x columns, index row * columns + column. */
	public float[] meanPattern() {
		return meanPattern;
	}

	/**
	 * @param threads threads reading frames (one rocking angle per task)
	 */
	public static ScanOverview compute(final RockingScan scan, final int threads, final ProgressListener progress) throws IOException {
		final int plane = scan.rows() * scan.columns();
		final int angles = scan.angleCount();
		final double[] perPoint = new double[scan.grid().pointCount()];
		final double[] pattern = new double[plane];
		VolumeStream.of(scan).threads(threads).progress(progress, "Summing frames").forEach(block -> {
			for (int i = 0; i < block.size(); i++) {
				final float[] v = block.voxels(i);
				double total = 0;
				for (int a = 0; a < angles; a++) {
					final int base = a * plane;
					for (int p = 0; p < plane; p++) {
						final float value = v[base + p];
						total += value;
						pattern[p] += value;
					}
				}
				perPoint[block.frameIndex(i)] = total;
			}
		});
		final float[] intensity = new float[perPoint.length];
		for (int i = 0; i < intensity.length; i++)
			intensity[i] = (float) perPoint[i];
		final double frames = (double) scan.grid().pointCount() * angles;
		final float[] mean = new float[plane];
		for (int p = 0; p < plane; p++)
			mean[p] = (float) (pattern[p] / frames);
		return new ScanOverview(intensity, mean);
	}
}
