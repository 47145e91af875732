package org.braggcloud.analysis;

import org.braggcloud.geometry.DiffractometerGeometry;

/**
 * Strain and tilts from the position of a peak in its volume (pipeline.md §2 and §3).
 * <p>
 * The voxel offset from the volume centre (column, row, angle index) is carried to a q offset
 * in the lab frame by the diffractometer's linear map, then to the crystal frame (z along h).
 * With dq that offset: strain = -dq_z / |h|, tilt_x = dq_x / |h|, tilt_y = dq_y / |h|, all
 * relative to the nominal reflection at the volume centre.
 */
public final class LatticeDistortion {

	private final double[][] toCrystal;
	private final double h;
	private final double rowCentre, columnCentre, angleCentre;

	public LatticeDistortion(final DiffractometerGeometry geometry, final int rows, final int columns, final int angles) {
		final double[][] toLab = geometry.voxelToLab(), labToCrystal = geometry.labToCrystal();
		this.toCrystal = new double[3][3];
		for (int i = 0; i < 3; i++)
			for (int j = 0; j < 3; j++)
				for (int k = 0; k < 3; k++)
					toCrystal[i][j] += labToCrystal[i][k] * toLab[k][j];
		this.h = geometry.hNorm();
		this.rowCentre = (rows - 1) / 2.0;
		this.columnCentre = (columns - 1) / 2.0;
		this.angleCentre = (angles - 1) / 2.0;
	}

	/** @return {strain, tilt_x, tilt_y} of a peak centred at the given voxel position */
	public double[] at(final double row, final double column, final double angleIndex) {
		final double[] v = { column - columnCentre, row - rowCentre, angleIndex - angleCentre };
		final double[] q = new double[3];
		for (int i = 0; i < 3; i++)
			q[i] = toCrystal[i][0] * v[0] + toCrystal[i][1] * v[1] + toCrystal[i][2] * v[2];
		return new double[] { -q[2] / h, q[0] / h, q[1] / h };
	}
}
