package org.braggcloud.rendering;

import java.util.Arrays;
import java.util.List;

import org.braggcloud.cloud.PointCloud;

/**
 * How the points of one panel are coloured: one opaque ARGB colour per point, before depth
 * shading. The factories cover intensity through a colour table, a fixed colour per panel and
 * per-point labels (clusters).
 */
@FunctionalInterface
public interface Colouring {

	/** Colour of label -1 and other negative labels (noise, unassigned). */
	int UNLABELLED = 0xFF808080;

	/** ARGB colour of every point of {@code cloud}, drawn as panel {@code panel} (0-based). */
	int[] colours(int panel, PointCloud cloud);

	/** Intensity through {@link Palettes#fire()}, linear. */
	static Colouring intensity() {
		return intensity(Palettes.fire(), false);
	}

	/**
	 * The point value through {@code lut} (any length, usually 256), over each cloud's robust range
	 * (1st to 99th percentile of its values): values at or above the 99th percentile, so the maximum,
	 * take the table's last entry. With {@code log}, values are compressed by {@code log(1 + max(v, 0))}
	 * first. A cloud whose values are all equal takes the last entry.
	 */
	static Colouring intensity(final int[] lut, final boolean log) {
		if (lut.length == 0) throw new IllegalArgumentException("the colour table is empty");
		final int[] table = lut.clone();
		return (panel, cloud) -> {
			final int n = cloud.size();
			final double[] v = new double[n];
			for (int i = 0; i < n; i++)
				v[i] = log ? Math.log1p(Math.max(cloud.value(i), 0)) : cloud.value(i);
			final int[] out = new int[n];
			if (n == 0) return out;
			final double[] sorted = v.clone();
			Arrays.sort(sorted);
			final double lo = sorted[(int) Math.floor(0.01 * (n - 1))];
			final double hi = sorted[(int) Math.ceil(0.99 * (n - 1))];
			final int top = table.length - 1;
			for (int i = 0; i < n; i++) {
				final double t = hi > lo ? (v[i] - lo) / (hi - lo) : 1;
				final int k = (int) Math.round(Math.max(0, Math.min(1, t)) * top);
				out[i] = 0xFF000000 | table[k];
			}
			return out;
		};
	}

	/** One colour per panel from {@link Palettes#panelColours()}. */
	static Colouring byCloud() {
		return byCloud(Palettes.panelColours());
	}

	/** Panel {@code p} in {@code argb[p % argb.length]}. */
	static Colouring byCloud(final int... argb) {
		if (argb.length == 0) throw new IllegalArgumentException("no panel colours");
		final int[] colours = argb.clone();
		return (panel, cloud) -> {
			final int[] out = new int[cloud.size()];
			Arrays.fill(out, 0xFF000000 | colours[panel % colours.length]);
			return out;
		};
	}

	/** Per-point labels with {@link Palettes#labelColours()}. */
	static Colouring labels(final List<int[]> labelsPerPanel) {
		return labels(labelsPerPanel, Palettes.labelColours());
	}

	/**
	 * Point {@code i} of panel {@code p} in {@code colours[labels.get(p)[i] % colours.length]};
	 * negative labels in {@link #UNLABELLED}.
	 *
	 * @throws IllegalArgumentException at render time if a panel has no labels or the wrong number
	 */
	static Colouring labels(final List<int[]> labelsPerPanel, final int[] colours) {
		if (colours.length == 0) throw new IllegalArgumentException("no label colours");
		final List<int[]> labels = labelsPerPanel.stream().map(int[]::clone).toList();
		final int[] table = colours.clone();
		return (panel, cloud) -> {
			if (panel >= labels.size()) throw new IllegalArgumentException("no labels for panel " + panel);
			final int[] l = labels.get(panel);
			if (l.length != cloud.size())
				throw new IllegalArgumentException("panel " + panel + " has " + cloud.size() + " points but " + l.length + " labels");
			final int[] out = new int[l.length];
			for (int i = 0; i < l.length; i++)
				out[i] = l[i] < 0 ? UNLABELLED : 0xFF000000 | table[l[i] % table.length];
			return out;
		};
	}
}
