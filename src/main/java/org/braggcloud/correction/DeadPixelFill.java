package org.braggcloud.correction;

/**
 * Fills the pixels of a volume that hold no data (dead module gaps and masked lines, hot pixels)
 * from the nearest good pixels of
 * the same frame, left and right along the row and up and down along the column, weighted by
 * inverse distance. A gap through a Bragg peak would otherwise cut its cloud in two and pull its
 * centroid and widths, and by different amounts for peaks that sit at different places on the
 * detector, which is exactly what the maps and the clusters compare.
 */
public final class DeadPixelFill implements java.io.Serializable {

	private static final long serialVersionUID = 1L;


	private final int plane;
	private final int[] dead;
	private final int[][] sources;
	private final float[][] weights;

	/** @param dead true at pixels without data, row * columns + column; they are never a source */
	public DeadPixelFill(final int rows, final int columns, final boolean[] dead) {
		this.plane = rows * columns;
		this.dead = java.util.stream.IntStream.range(0, plane).filter(p -> dead[p]).toArray();
		this.sources = new int[this.dead.length][];
		this.weights = new float[this.dead.length][];
		final int[][] steps = { { 0, 1 }, { 0, -1 }, { 1, 0 }, { -1, 0 } };
		for (int i = 0; i < this.dead.length; i++) {
			final int r0 = this.dead[i] / columns, c0 = this.dead[i] % columns;
			final int[] src = new int[4];
			final float[] w = new float[4];
			int n = 0;
			for (final int[] s : steps) {
				int r = r0 + s[0], c = c0 + s[1], d = 1;
				while (r >= 0 && c >= 0 && r < rows && c < columns && dead[r * columns + c]) {
					r += s[0];
					c += s[1];
					d++;
				}
				if (r < 0 || c < 0 || r >= rows || c >= columns) continue;
				src[n] = r * columns + c;
				w[n++] = 1f / d;
			}
			sources[i] = java.util.Arrays.copyOf(src, n);
			weights[i] = java.util.Arrays.copyOf(w, n);
		}
	}

	/** Fills every frame of an angle-major volume in place. */
	public void fill(final float[] volume) {
		if (dead.length == 0) return;
		for (int base = 0; base + plane <= volume.length; base += plane)
			fillPlane(volume, base);
	}

	/** Fills one plane (a frame or a background pattern) starting at {@code base}. */
	public void fillPlane(final float[] values, final int base) {
		for (int i = 0; i < dead.length; i++) {
			double s = 0, w = 0;
			for (int j = 0; j < sources[i].length; j++) {
				s += weights[i][j] * values[base + sources[i][j]];
				w += weights[i][j];
			}
			values[base + dead[i]] = w > 0 ? (float) (s / w) : 0;
		}
	}
}
