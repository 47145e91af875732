package org.braggcloud.correction;

import java.util.ArrayDeque;

/**
 * The scan points that carry a Bragg peak, decided from each point's own evidence
 * ({@link ScanEvidence}), never from summed intensities: over a wide detector ROI the diffuse
 * background sums to far more than a Bragg peak that stands far above it in its own voxels.
 * <p>
 * Rule (hysteresis, as in edge detection): a point seeds the mask when its largest box deviate
 * beats what a volume of pure background reaches with chance {@link #SEED_FALSE_ALARM} (Bonferroni
 * over the boxes of a volume, so the bound holds whatever the volume size); a neighbour
 * (8-connected) of a point in the mask joins it when its deviate beats the looser chance
 * {@link #GROW_FALSE_ALARM}, because a particle is contiguous and its thin rim gives weaker peaks.
 * Nothing is assumed about how much of the scan the particle covers: it may fill the scan.
 */
public final class ParticleMask {

	/** Chance that a scan point of pure background seeds the mask. */
	public static final double SEED_FALSE_ALARM = 1e-3;
	/** Chance that a scan point of pure background beside the particle joins it. */
	public static final double GROW_FALSE_ALARM = 0.05;
	/** Share of the mask's median peak below which a point on the mask's edge is taken as grazing it. */
	public static final double EDGE_SHARE = 0.15;

	private ParticleMask() {}

	/** The deviate a volume of pure background exceeds with chance {@code falseAlarm}. */
	public static double criticalZ(final double falseAlarm, final long boxesPerVolume) {
		return PoissonEvidence.criticalZ(falseAlarm / Math.max(1, boxesPerVolume));
	}

	/** @return true where the point carries a peak; index y * nx + x */
	public static boolean[] fromEvidence(final ScanEvidence evidence, final int nx, final int ny) {
		final float[] z = evidence.z();
		if (z.length != nx * ny) throw new IllegalArgumentException(z.length + " evidence values for a " + nx + " x " + ny + " scan");
		final double seed = criticalZ(SEED_FALSE_ALARM, evidence.boxes());
		final double grow = criticalZ(GROW_FALSE_ALARM, evidence.boxes());
		final boolean[] mask = new boolean[z.length];
		final ArrayDeque<Integer> queue = new ArrayDeque<>();
		for (int i = 0; i < z.length; i++)
			if (z[i] > seed) {
				mask[i] = true;
				queue.add(i);
			}
		grow(mask, queue, z, grow, nx, ny);
		trimEdge(mask, evidence.net(), nx, ny);
		return mask;
	}

	/**
	 * Drops the points on the mask's outer boundary whose peak holds less than {@link #EDGE_SHARE}
	 * of the median peak of the mask: there the beam grazes the particle's edge, or drift
	 * correction interpolates the point from a neighbour on the particle, and the point's volume
	 * is a fraction of a neighbour's peak, not a peak of its own. Only the boundary is trimmed, so
	 * a grain that diffracts weakly as a whole stays in the mask.
	 */
	private static void trimEdge(final boolean[] mask, final float[] net, final int nx, final int ny) {
		final double[] inside = java.util.stream.IntStream.range(0, mask.length).filter(i -> mask[i]).mapToDouble(i -> net[i]).sorted().toArray();
		if (inside.length < 9) return;
		final double cut = EDGE_SHARE * inside[inside.length / 2];
		final boolean[] drop = new boolean[mask.length];
		for (int i = 0; i < mask.length; i++)
			drop[i] = mask[i] && net[i] < cut && onBoundary(mask, i, nx, ny);
		for (int i = 0; i < mask.length; i++)
			if (drop[i]) mask[i] = false;
	}

	private static boolean onBoundary(final boolean[] mask, final int i, final int nx, final int ny) {
		final int x = i % nx, y = i / nx;
		for (int dy = -1; dy <= 1; dy++)
			for (int dx = -1; dx <= 1; dx++) {
				final int xx = x + dx, yy = y + dy;
				if (xx < 0 || yy < 0 || xx >= nx || yy >= ny || !mask[yy * nx + xx]) return true;
			}
		return false;
	}

	private static void grow(final boolean[] mask, final ArrayDeque<Integer> queue, final float[] z, final double grow, final int nx,
		final int ny)
	{
		while (!queue.isEmpty()) {
			final int i = queue.poll();
			final int x = i % nx, y = i / nx;
			for (int dy = -1; dy <= 1; dy++)
				for (int dx = -1; dx <= 1; dx++) {
					final int xx = x + dx, yy = y + dy;
					if (xx < 0 || yy < 0 || xx >= nx || yy >= ny) continue;
					final int j = yy * nx + xx;
					if (!mask[j] && z[j] > grow) {
						mask[j] = true;
						queue.add(j);
					}
				}
		}
	}
}
