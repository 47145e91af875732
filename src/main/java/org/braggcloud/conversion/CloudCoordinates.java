package org.braggcloud.conversion;

import org.braggcloud.geometry.DiffractometerGeometry;

/**
 * Where a voxel (detector row, detector column, angle index) lands in a point cloud.
 * <ul>
 * <li>{@code index}: x = row, y = column, z = angleScale x angle index, all 0-based, as the paper
 * did (angleScale 10);</li>
 * <li>{@code q-lab}: the voxel's scattering vector q in the lab frame (beam along z, rocking axis y),
 * in 1/um without 2 pi as at HXN (pipeline.md §2);</li>
 * <li>{@code q-crystal}: the same vector in the crystal frame (z along h, x along the rocking step).</li>
 * </ul>
 * q is exact for the linear map of §2 applied to each voxel: no interpolation, no resampling.
 */
public final class CloudCoordinates {

	/** The coordinate systems, with their parameter keys. */
	public enum System {
		INDEX("index"), Q_LAB("q-lab"), Q_CRYSTAL("q-crystal");

		private final String key;

		System(final String key) {
			this.key = key;
		}

		public String key() {
			return key;
		}

		public static System fromKey(final String key) {
			for (final System s : values())
				if (s.key.equalsIgnoreCase(key)) return s;
			throw new IllegalArgumentException("Unknown coordinates '" + key + "'; expected index, q-lab or q-crystal");
		}
	}

	private final System system;
	private final double angleScale;
	private final double[][] matrix; // voxel offset (column, row, angle) -> coordinates
	private final double[] origin;   // coordinates of the volume centre
	private final double rowCentre, columnCentre, angleCentre;

	private CloudCoordinates(final System system, final double angleScale, final double[][] matrix, final double[] origin,
		final int rows, final int columns, final int angles)
	{
		this.system = system;
		this.angleScale = angleScale;
		this.matrix = matrix;
		this.origin = origin;
		this.rowCentre = (rows - 1) / 2.0;
		this.columnCentre = (columns - 1) / 2.0;
		this.angleCentre = (angles - 1) / 2.0;
	}

	/** Index coordinates: (row, column, angleScale x angle index). */
	public static CloudCoordinates index(final double angleScale) {
		if (!(angleScale > 0) || Double.isInfinite(angleScale)) throw new IllegalArgumentException("angle_scale must be a positive number, found " + angleScale);
		return new CloudCoordinates(System.INDEX, angleScale, null, null, 1, 1, 1);
	}

	/** Reciprocal-space coordinates in the lab or crystal frame. */
	public static CloudCoordinates reciprocal(final DiffractometerGeometry geometry, final boolean crystalFrame, final int rows,
		final int columns, final int angles)
	{
		final double[][] toLab = geometry.voxelToLab();
		final double[] h = geometry.hLab();
		if (!crystalFrame) return new CloudCoordinates(System.Q_LAB, 1, toLab, h, rows, columns, angles);
		final double[][] r = geometry.labToCrystal();
		final double[][] m = new double[3][3];
		final double[] o = new double[3];
		for (int i = 0; i < 3; i++) {
			for (int j = 0; j < 3; j++)
				for (int k = 0; k < 3; k++)
					m[i][j] += r[i][k] * toLab[k][j];
			for (int k = 0; k < 3; k++)
				o[i] += r[i][k] * h[k];
		}
		return new CloudCoordinates(System.Q_CRYSTAL, 1, m, o, rows, columns, angles);
	}

	public System system() {
		return system;
	}

	/** Writes the coordinates of voxel (row, column, angle) into {@code out[at .. at + 2]}. */
	public void map(final int row, final int column, final int angle, final float[] out, final int at) {
		if (system == System.INDEX) {
			out[at] = row;
			out[at + 1] = column;
			out[at + 2] = (float) (angleScale * angle);
			return;
		}
		final double c = column - columnCentre, r = row - rowCentre, a = angle - angleCentre;
		for (int i = 0; i < 3; i++)
			out[at + i] = (float) (origin[i] + matrix[i][0] * c + matrix[i][1] * r + matrix[i][2] * a);
	}
}
