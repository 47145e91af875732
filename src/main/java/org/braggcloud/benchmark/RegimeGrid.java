package org.braggcloud.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.braggcloud.benchmark.Regime.BackgroundShape;
import org.braggcloud.benchmark.Regime.Style;

/**
 * The grid of regimes. Its full product is too large to run often, so {@link #axes()}
 * walks it from one base regime instead: each axis varied alone, plus every combination of peak
 * maximum and background, which interact most.
 */
public final class RegimeGrid {

	public static final List<Style> STYLES = List.of(Style.BLOB, Style.FACETED);
	public static final List<Double> PEAK_MAXIMA = List.of(10.0, 30.0, 200.0);
	public static final List<Double> BACKGROUNDS = List.of(0.01, 0.1, 1.0);
	public static final List<BackgroundShape> SHAPES = List.of(BackgroundShape.FLAT, BackgroundShape.PARTICLE);
	public static final List<Integer> ROIS = List.of(48, 128);
	public static final List<Integer> DOMAINS = List.of(4, 6);
	public static final List<Double> DRIFTS = List.of(0.0, 1.5);

	/**
	 * Nearest the simulator's defaults and the demo's scan (where the pipeline is known to work),
	 * so each variation shows what that one axis costs.
	 */
	public static final Regime BASE = regime(Style.BLOB, 200, 0.1, BackgroundShape.FLAT, 48, 4, 1.5);

	private RegimeGrid() {}

	/** "all" or "axes". */
	public static List<Regime> named(final String name) {
		switch (name.trim().toLowerCase(Locale.ROOT)) {
			case "all":
				return all();
			case "axes":
				return axes();
			default:
				throw new IllegalArgumentException("regimes '" + name + "': expected 'all' or 'axes'");
		}
	}

	/** The regimes of one detector ROI; 0 keeps them all. */
	public static List<Regime> withRoi(final List<Regime> regimes, final int roi) {
		if (roi == 0) return regimes;
		if (!ROIS.contains(roi)) throw new IllegalArgumentException("roi " + roi + ": the grid has " + ROIS + " (0 = every one)");
		return regimes.stream().filter(r -> r.roi() == roi).toList();
	}

	/** The regimes of one peak style ("blob" or "faceted"); "all" keeps them all. */
	public static List<Regime> withStyle(final List<Regime> regimes, final String style) {
		final String key = style.trim().toLowerCase(Locale.ROOT);
		if (key.equals("all")) return regimes;
		for (final Style s : STYLES)
			if (s.key().equals(key)) return regimes.stream().filter(r -> r.style() == s).toList();
		throw new IllegalArgumentException("peaks '" + style + "': expected 'all', 'blob' or 'faceted'");
	}

	/** Every combination of the axes' values. */
	public static List<Regime> all() {
		final List<Regime> grid = new ArrayList<>();
		for (final Style style : STYLES)
			for (final double peak : PEAK_MAXIMA)
				for (final double background : BACKGROUNDS)
					for (final BackgroundShape shape : SHAPES)
						for (final int roi : ROIS)
							for (final int domains : DOMAINS)
								for (final double drift : DRIFTS)
									grid.add(regime(style, peak, background, shape, roi, domains, drift));
		return grid;
	}

	/** The base with faceted peaks, walked from like the base: realistic peaks are the other half of the question. */
	public static final Regime FACETED_BASE = regime(Style.FACETED, 200, 0.1, BackgroundShape.FLAT, 48, 4, 1.5);

	/**
	 * From each base (blob peaks, then faceted ones): the base, then each axis's other values one at
	 * a time, then peak maximum x background at the base.
	 */
	public static List<Regime> axes() {
		// a set, because the bases and the single variations of peak and background recur in the combinations
		final Set<Regime> grid = new LinkedHashSet<>();
		walk(BASE, grid);
		walk(FACETED_BASE, grid);
		return new ArrayList<>(grid);
	}

	private static void walk(final Regime b, final Set<Regime> grid) {
		grid.add(b);
		for (final Style v : STYLES) grid.add(regime(v, b.peakMaximum(), b.background(), b.shape(), b.roi(), b.domains(), b.driftPx()));
		for (final double v : PEAK_MAXIMA) grid.add(regime(b.style(), v, b.background(), b.shape(), b.roi(), b.domains(), b.driftPx()));
		for (final double v : BACKGROUNDS) grid.add(regime(b.style(), b.peakMaximum(), v, b.shape(), b.roi(), b.domains(), b.driftPx()));
		for (final BackgroundShape v : SHAPES) grid.add(regime(b.style(), b.peakMaximum(), b.background(), v, b.roi(), b.domains(), b.driftPx()));
		for (final int v : ROIS) grid.add(regime(b.style(), b.peakMaximum(), b.background(), b.shape(), v, b.domains(), b.driftPx()));
		for (final int v : DOMAINS) grid.add(regime(b.style(), b.peakMaximum(), b.background(), b.shape(), b.roi(), v, b.driftPx()));
		for (final double v : DRIFTS) grid.add(regime(b.style(), b.peakMaximum(), b.background(), b.shape(), b.roi(), b.domains(), v));
		for (final double peak : PEAK_MAXIMA)
			for (final double background : BACKGROUNDS)
				grid.add(regime(b.style(), peak, background, b.shape(), b.roi(), b.domains(), b.driftPx()));
	}

	private static Regime regime(final Style style, final double peak, final double background, final BackgroundShape shape,
		final int roi, final int domains, final double drift)
	{
		return new Regime(style, peak, background, shape, roi, Regime.anglesFor(roi), domains, drift);
	}
}
