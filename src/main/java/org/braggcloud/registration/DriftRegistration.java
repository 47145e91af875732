package org.braggcloud.registration;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Sample drift between the repeated raster scans of a rocking series, from one map per angle.
 * For each angle i it gives {dy, dx} in scan pixels such that a feature at (y, x) at angle 0
 * is at (y + dy, x + dx) at angle i.
 *
 * <p>Method: every map is checked (size, finite, not flat, contrast above noise), prepared
 * according to its {@link Reference}, and transformed once; pairs of angles are registered by
 * {@link PhaseCorrelation}; {@link RobustDrift} drops pairs with weak peaks and pairs that
 * disagree with the rest and solves for the drifts by weighted least squares. Whatever cannot
 * be measured raises a {@link RegistrationException}; no angle is ever silently given zero.
 */
public final class DriftRegistration {

	/** What the maps show, which decides how they are compared. */
	public enum Reference {
		/**
		 * Fluorescence: the same picture at every angle. Each angle is compared with angle 0
		 * and with its neighbours ({@link PairPlan}), so errors do not add up along the series.
		 * Whitening 0.5: with identical content, less whitening averages the noise better (worst
		 * error 0.07 px against 0.10 at 0.75).
		 */
		XRF(0.5),
		/**
		 * Integrated diffracted intensity: which domains are bright changes with the angle.
		 * The maps are log-compressed ({@link LogCompression}) so that the particle's outline
		 * and domain walls rather than its brightest domain decide the match, compared with
		 * whitening 0.75, which favours those edges over the changing brightness (0.27 px worst
		 * error against 0.40 at 0.5), and each angle only with its neighbours up to
		 * {@link PairPlan#BAND} angles away, whose contrast is similar.
		 */
		INTENSITY(0.75);

		private final double whitening;

		Reference(double whitening) {
			this.whitening = whitening;
		}
	}

	/** Below this many points, no correlation peak can be told from chance (see RobustDrift.minQuality). */
	static final int MIN_POINTS = 64;

	private DriftRegistration() {
	}

	/**
	 * @param maps     maps.get(i) is the ny*nx map (row-major, y*nx + x) of angle i
	 * @param kind     what the maps show
	 * @param subpixel refine to a fraction of a pixel; if false the drifts are whole pixels
	 * @return shifts[i] = {dy, dx} in scan pixels, shifts[0] = {0, 0}
	 * @throws RegistrationException if a map is unusable (missing, wrong size, non-finite, flat,
	 *     no contrast above noise) or an angle cannot be tied to the others by a clear and
	 *     consistent correlation peak; the message names the angle and the reason
	 */
	public static double[][] register(List<float[]> maps, int nx, int ny, Reference kind, boolean subpixel)
		throws RegistrationException
	{
		if (maps == null || maps.isEmpty()) {
			throw new RegistrationException("no maps to register");
		}
		if (kind == null) {
			throw new IllegalArgumentException("reference kind is null");
		}
		if (nx < 4 || ny < 4) {
			throw new RegistrationException("maps of " + nx + " x " + ny + " scan points are too small to"
				+ " register (need at least 4 x 4); run with align=false");
		}
		if ((long) nx * ny < MIN_POINTS)
			throw new RegistrationException("maps of " + nx + " x " + ny + " scan points are too small to register reliably (at least "
				+ MIN_POINTS + " points are needed); run with align=false");
		int n = maps.size();
		for (int i = 0; i < n; i++) {
			MapCheck.check(maps.get(i), nx, ny, i);
		}
		for (int i = 0; i < n; i++) {
			MapCheck.checkSignal(maps.get(i), nx, ny, i);
		}
		if (n == 1) {
			return new double[][] {{0, 0}};
		}
		// Maps and pairs are independent: transform and register them in parallel, each task with
		// its own FFT plan, which is cheap to make (0.1 ms for 300 x 210).
		Spectrum[] spectra = IntStream.range(0, n).parallel()
			.mapToObj(i -> Spectrum.of(prepare(maps.get(i), nx, ny, kind), nx, ny, Spectrum.transformFor(nx, ny)))
			.toArray(Spectrum[]::new);
		List<int[]> plan = PairPlan.pairs(n, kind);
		List<PairShift> pairs = plan.parallelStream()
			.map(p -> new PairShift(p[0], p[1], PhaseCorrelation.estimate(spectra[p[0]], spectra[p[1]], nx, ny,
				Spectrum.transformFor(nx, ny), subpixel, kind.whitening)))
			.collect(Collectors.toList());
		return RobustDrift.solve(n, pairs, nx, ny, subpixel);
	}

	private static float[] prepare(float[] map, int nx, int ny, Reference kind) {
		return kind == Reference.INTENSITY ? LogCompression.apply(map, nx, ny) : map;
	}
}
