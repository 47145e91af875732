package org.braggcloud.denoise;

import java.util.List;
import java.util.Locale;

import org.braggcloud.cloud.PointCloud;
import org.braggcloud.progress.ProgressListener;

/**
 * A named denoising recipe, as chosen by the user: {@code none}; {@code outliers} (outlier
 * removal, k 100, alpha 0.8); {@code lpa-ici} (LPA-ICI with sigma and density estimated from the
 * cloud); {@code paper}, the Bragg Cloud paper's chain: outliers(100, 0.8), LPA-ICI(sigma 5,
 * density 2), LPA-ICI(sigma 5, density 0.2), outliers(100, 0.8).
 */
public final class DenoiseChain {

	/** The accepted names. */
	public static final List<String> NAMES = List.of("none", "outliers", "lpa-ici", "paper");

	/** A cloud smaller than this is left alone by the automatic LPA-ICI: too few points to estimate. */
	private static final int MIN_ESTIMATE_POINTS = 10;

	private final String name;

	private DenoiseChain(final String name) {
		this.name = name;
	}

	/**
	 * The chain called {@code name} (case and surrounding blanks ignored).
	 *
	 * @throws IllegalArgumentException for an unknown name; the message lists the allowed ones
	 */
	public static DenoiseChain parse(final String name) {
		final String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
		if (!NAMES.contains(key))
			throw new IllegalArgumentException("unknown denoising '" + name + "'; allowed: " + String.join(", ", NAMES));
		return new DenoiseChain(key);
	}

	/** The paper's chain. */
	public static DenoiseChain paper() {
		return new DenoiseChain("paper");
	}

	public String name() {
		return name;
	}

	/**
	 * Runs the chain on {@code cloud}.
	 *
	 * @throws java.util.concurrent.CancellationException if the listener cancels
	 */
	public PointCloud apply(final PointCloud cloud, final int threads, final ProgressListener listener) {
		switch (name) {
			case "none":
				return cloud;
			case "outliers":
				return OutlierRemoval.paper().apply(cloud, threads, listener);
			case "lpa-ici":
				if (cloud.size() < MIN_ESTIMATE_POINTS)
					return cloud;
				final NoiseEstimate e = LpaIciFilter.estimate(cloud, threads);
				if (!(e.sigma() > 0) || !(e.density() > 0) || !Double.isFinite(e.sigma()) || !Double.isFinite(e.density()))
					return cloud;
				return LpaIciFilter.of(e.sigma(), e.density()).apply(cloud, threads, listener);
			default:
				PointCloud c = OutlierRemoval.paper().apply(cloud, threads, listener);
				c = LpaIciFilter.of(5, 2).apply(c, threads, listener);
				c = LpaIciFilter.of(5, 0.2).apply(c, threads, listener);
				return OutlierRemoval.paper().apply(c, threads, listener);
		}
	}

	@Override
	public String toString() {
		return name;
	}
}
