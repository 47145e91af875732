package org.braggcloud.preparation;

import java.io.IOException;

import org.braggcloud.correction.HotPixels;
import org.braggcloud.progress.ProgressListener;
import org.braggcloud.scan.RockingScan;
import org.braggcloud.scan.VolumeStream;

/**
 * The integrated diffracted intensity of every scan point at every angle (the ROI-sum maps of a
 * beamline), hot pixels excluded, from one streaming pass.
 */
public final class AngleIntensityMaps {

	private final float[][] maps;

	private AngleIntensityMaps(final float[][] maps) {
		this.maps = maps;
	}

	public static AngleIntensityMaps compute(final RockingScan scan, final HotPixels hot, final int threads,
		final ProgressListener progress) throws IOException
	{
		final int plane = scan.rows() * scan.columns(), angles = scan.angleCount();
		final float[][] maps = new float[angles][scan.grid().pointCount()];
		final int[] hotPixels = hot.indices();
		VolumeStream.of(scan).threads(threads).progress(progress, "Intensity maps").forEach(block -> {
			for (int i = 0; i < block.size(); i++) {
				final float[] v = block.voxels(i);
				for (int a = 0; a < angles; a++) {
					double s = 0;
					final int base = a * plane;
					for (int p = 0; p < plane; p++)
						s += v[base + p];
					for (final int h : hotPixels)
						s -= v[base + h];
					maps[a][block.frameIndex(i)] = (float) s;
				}
			}
		});
		return new AngleIntensityMaps(maps);
	}

	/** Map of one angle, ny x nx, index y * nx + x. */
	public float[] angle(final int a) {
		return maps[a];
	}

	public int angleCount() {
		return maps.length;
	}

	/** Sum over all angles: the integrated intensity of each scan point. */
	public float[] total() {
		final float[] t = new float[maps[0].length];
		for (final float[] m : maps)
			for (int i = 0; i < t.length; i++)
				t[i] += m[i];
		return t;
	}
}
