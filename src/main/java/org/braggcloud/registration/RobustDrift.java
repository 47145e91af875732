package org.braggcloud.registration;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns pairwise displacements into per-angle drifts ({@link DriftSolver}): discards pairs whose
 * correlation peak is too weak to trust, then, one at a time, the pair that disagrees most with
 * the solution, and finally requires every remaining pair to be confirmed by a second route
 * between its angles. An angle that fails any of this is named in a {@link RegistrationException}.
 */
final class RobustDrift {

	/** A pair disagreeing with the solution by more than this (px) is a wrong peak. */
	static final double TOLERANCE_SUBPIXEL = 0.5;
	/** Whole-pixel shifts each carry up to 0.5 px rounding per axis. */
	static final double TOLERANCE_INTEGER = 1.0;

	private RobustDrift() {
	}

	/**
	 * Minimum quality of a usable pair. Two unrelated maps of N pixels still correlate to
	 * about 3.5 / sqrt(N) at their best displacement if their noise is white, and to about 0.35
	 * on 40 x 30 intensity maps after the median and logarithm (spatially correlated noise);
	 * true pairs score 0.6 to 1. The bar rises for small maps. Sparse maps can match by chance
	 * above it (0.66 for unrelated blob patterns), which the consistency checks catch.
	 */
	static double minQuality(int nx, int ny) {
		return Math.max(0.4, 8.0 / Math.sqrt(nx * (double) ny));
	}

	/**
	 * @param n     number of angles
	 * @param pairs every registered pair
	 * @return [angle] -&gt; {dy, dx}, angle 0 at {0, 0}; rounded to whole pixels unless subpixel
	 * @throws RegistrationException naming an angle that clear, mutually consistent pairs do not
	 *     tie to the others along two independent routes, or that drifted out of overlap
	 */
	static double[][] solve(int n, List<PairShift> pairs, int nx, int ny, boolean subpixel)
		throws RegistrationException
	{
		double min = minQuality(nx, ny);
		List<PairShift> usable = new ArrayList<>();
		for (PairShift p : pairs) {
			if (p.shift().quality() >= min) {
				usable.add(p);
			}
		}
		List<PairShift> kept = new ArrayList<>(usable);
		double tolerance = subpixel ? TOLERANCE_SUBPIXEL : TOLERANCE_INTEGER;
		while (true) {
			double[] w = weights(kept);
			int[] lost = DriftSolver.unconnected(n, kept, w);
			if (lost.length > 0) {
				throw unsupported(lost[0], pairs, usable, min);
			}
			double[][] d = DriftSolver.solve(n, kept, w);
			int worst = worstPair(d, kept, tolerance);
			if (worst < 0) {
				checkConfirmed(n, pairs, usable, kept, min);
				return finish(d, nx, ny, subpixel);
			}
			kept.remove(worst);
		}
	}

	/** Index of the pair that disagrees most with the drifts d, if by more than tolerance; else -1. */
	private static int worstPair(double[][] d, List<PairShift> kept, double tolerance) {
		int worst = -1;
		double worstResidual = tolerance;
		for (int p = 0; p < kept.size(); p++) {
			PairShift e = kept.get(p);
			double ry = d[e.to()][0] - d[e.from()][0] - e.shift().dy();
			double rx = d[e.to()][1] - d[e.from()][1] - e.shift().dx();
			double r = Math.hypot(ry, rx);
			if (r > worstResidual) {
				worstResidual = r;
				worst = p;
			}
		}
		return worst;
	}

	/**
	 * Every kept pair must be confirmed by another path between its two angles: the pairs may
	 * have no bridge. Why: dropping the worst pair until the rest agree always succeeds once the
	 * pairs form a tree, which has no redundancy left to disagree, so maps with nothing in
	 * common would pass with arbitrary drifts. Only a second, consistent route between two
	 * angles shows that a peak is not a chance match. (With two angles there is only one pair.)
	 */
	private static void checkConfirmed(int n, List<PairShift> all, List<PairShift> usable, List<PairShift> kept,
		double min) throws RegistrationException
	{
		if (n < 3) {
			return;
		}
		double[] w = weights(kept);
		for (int p = 0; p < kept.size(); p++) {
			double saved = w[p];
			w[p] = 0;
			int[] lost = DriftSolver.unconnected(n, kept, w);
			w[p] = saved;
			if (lost.length > 0) {
				PairShift bridge = kept.get(p);
				int cutOff = contains(lost, bridge.to()) ? bridge.to() : bridge.from();
				throw unsupported(cutOff, all, usable, min);
			}
		}
	}

	private static boolean contains(int[] values, int v) {
		for (int x : values) {
			if (x == v) {
				return true;
			}
		}
		return false;
	}

	/** Weight q^2: a pair's share of common signal, so clear peaks count more than faint ones. */
	private static double[] weights(List<PairShift> pairs) {
		double[] w = new double[pairs.size()];
		for (int p = 0; p < w.length; p++) {
			double q = pairs.get(p).shift().quality();
			w[p] = q * q;
		}
		return w;
	}

	private static double[][] finish(double[][] d, int nx, int ny, boolean subpixel) throws RegistrationException {
		for (int i = 0; i < d.length; i++) {
			if (Math.abs(d[i][0]) > ny / 2.0 || Math.abs(d[i][1]) > nx / 2.0) {
				throw new RegistrationException(String.format("angle %d drifted by (dy %.1f, dx %.1f) px, so less"
					+ " than half of its map overlaps angle 0: no overlap to register; run with align=false",
					i, d[i][0], d[i][1]));
			}
			if (!subpixel) {
				d[i][0] = Math.rint(d[i][0]);
				d[i][1] = Math.rint(d[i][1]);
			}
			// Avoid -0.0 in reports.
			d[i][0] += 0.0;
			d[i][1] += 0.0;
		}
		return d;
	}

	private static RegistrationException unsupported(int angle, List<PairShift> all, List<PairShift> usable,
		double min)
	{
		double best = 0;
		int partner = -1;
		for (PairShift p : all) {
			if ((p.from() == angle || p.to() == angle) && p.shift().quality() >= best) {
				best = p.shift().quality();
				partner = p.from() == angle ? p.to() : p.from();
			}
		}
		int clear = 0;
		for (PairShift p : usable) {
			clear += p.from() == angle || p.to() == angle ? 1 : 0;
		}
		String why = clear < 2
			? String.format("correlation peak too weak (best quality %.2f, against angle %d; at least %.2f needed"
				+ " with two angles)", best, partner, min)
			: "its correlation peaks disagree with one another (the maps may have too little in common)";
		return new RegistrationException("cannot register the map of angle " + angle + ": " + why
			+ ". Run with align=false, or, if these are intensity maps, use XRF maps as the reference if available");
	}
}
