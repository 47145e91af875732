package org.braggcloud.simulation;

import org.braggcloud.geometry.Mat3;

/**
 * One truncation rod in voxel space (column, row, angle index), precomputed once per domain.
 *
 * <p>With {@code d} a voxel offset from the rod's point at the core, the crystal-frame q offset
 * is {@code B d} (B = voxelToCrystal). The distance along the rod is the linear form
 * {@code s = (B^T u) . d} and the transverse exponent the quadratic form {@code d^T P d}, with
 * {@code P = B^T G B} and {@code G = (I - uu^T) S^-1 (I - uu^T)} the inverse transverse covariance
 * (S = diag(rockingWidth^2, width^2, width^2)). In one angle slice both reduce to per-row
 * quadratics in the column, so a frame visits only the voxels within the cutoff of the rod axis:
 * the rows where the tube meets the slice, and per row the column interval it covers, solved
 * exactly. The cost is the rod's footprint in the slice, not the detector area.
 */
final class RodShape {

	/** Transverse half-width of the evaluated tube, in standard deviations. */
	static final double CUTOFF_SIGMA = 4.0;
	private static final double CUTOFF2 = CUTOFF_SIGMA * CUTOFF_SIGMA;
	/** Below this (voxel^-2) a quadratic coefficient counts as zero: the tube is parallel to that axis. */
	private static final double FLAT = 1e-12;

	private final double pcc;
	private final double prr;
	private final double paa;
	private final double pcr;
	private final double pca;
	private final double pra;
	/** Row-range quadratic (the transverse form minimised over the column), or the plain one if pcc ~ 0. */
	private final double rowA;
	private final double rowB;
	private final double rowC;
	private final boolean columnFree;
	private final double gc;
	private final double gr;
	private final double ga;
	private final double offC;
	private final double offR;
	private final double offA;
	private final double invLength;
	private final boolean oneSided;
	/** Peak density on the axis, relative to the density unit of the caller. */
	private final double peak;

	/**
	 * @param crystalToVoxel crystal q / |h| to voxel offset
	 * @param corePeakDensity peak density of the domain's core; the rod's peak is its strength times this
	 */
	RodShape(TruncationRod rod, double[][] crystalToVoxel, double corePeakDensity) {
		double[][] b = Mat3.inverse(crystalToVoxel);
		double[] u = Mat3.normalize(rod.direction());
		double[] sInv = {1 / (rod.rockingWidth() * rod.rockingWidth()), 1 / (rod.width() * rod.width()),
			1 / (rod.width() * rod.width())};
		double[][] proj = new double[3][3];
		for (int i = 0; i < 3; i++) {
			for (int j = 0; j < 3; j++) {
				proj[i][j] = (i == j ? 1 : 0) - u[i] * u[j];
			}
		}
		double[][] g = new double[3][3];
		for (int i = 0; i < 3; i++) {
			for (int j = 0; j < 3; j++) {
				double sum = 0;
				for (int k = 0; k < 3; k++) {
					sum += proj[i][k] * sInv[k] * proj[k][j];
				}
				g[i][j] = sum;
			}
		}
		double[][] p = Mat3.multiply(Mat3.multiply(Mat3.transpose(b), g), b);
		pcc = p[0][0];
		prr = p[1][1];
		paa = p[2][2];
		pcr = 0.5 * (p[0][1] + p[1][0]);
		pca = 0.5 * (p[0][2] + p[2][0]);
		pra = 0.5 * (p[1][2] + p[2][1]);
		double scale = pcc + prr + paa;
		columnFree = pcc <= 1e-9 * scale;
		if (columnFree) {
			// Rod along the column axis: the tube does not depend on the column.
			rowA = prr;
			rowB = pra;
			rowC = paa;
		} else {
			rowA = prr - pcr * pcr / pcc;
			rowB = pra - pcr * pca / pcc;
			rowC = paa - pca * pca / pcc;
		}
		double[] grad = Mat3.multiply(Mat3.transpose(b), u);
		gc = grad[0];
		gr = grad[1];
		ga = grad[2];
		double[] off = Mat3.multiply(crystalToVoxel, rod.offset());
		offC = off[0];
		offR = off[1];
		offA = off[2];
		invLength = 1 / rod.length();
		oneSided = rod.oneSided();
		peak = rod.strength() * corePeakDensity;
	}

	/**
	 * Adds {@code amplitude * density} over the slice at angle index {@code angle} for the rod of a
	 * core centred at voxel (mc, mr, ma), absolute indices; out is row-major rows x cols.
	 */
	void addSlice(double mc, double mr, double ma, int angle, double amplitude,
				  float[] out, int rows, int cols) {
		double cc = mc + offC;
		double cr = mr + offR;
		double da = angle - (ma + offA);
		int r0 = 0;
		int r1 = rows - 1;
		if (rowA > FLAT) {
			double b = rowB * da;
			double disc = b * b - rowA * (rowC * da * da - CUTOFF2);
			if (disc < 0) {
				return;
			}
			double root = Math.sqrt(disc);
			r0 = (int) Math.max(0, Math.ceil(cr + (-b - root) / rowA));
			r1 = (int) Math.min(rows - 1, Math.floor(cr + (-b + root) / rowA));
		} else if (rowC * da * da > CUTOFF2) {
			// The rod lies in the slice plane: every row or none.
			return;
		}
		double scale = amplitude * peak;
		double aa = paa * da * da;
		for (int r = r0; r <= r1; r++) {
			double dr = r - cr;
			double rowConst = aa + prr * dr * dr + 2 * pra * dr * da;
			double rowLinear = pcr * dr + pca * da;
			int c0 = 0;
			int c1 = cols - 1;
			if (!columnFree) {
				double disc = rowLinear * rowLinear - pcc * (rowConst - CUTOFF2);
				if (disc < 0) {
					continue;
				}
				double root = Math.sqrt(disc);
				c0 = (int) Math.max(0, Math.ceil(cc + (-rowLinear - root) / pcc));
				c1 = (int) Math.min(cols - 1, Math.floor(cc + (-rowLinear + root) / pcc));
			} else if (rowConst > CUTOFF2) {
				continue;
			}
			double sRow = gr * dr + ga * da;
			int base = r * cols;
			for (int c = c0; c <= c1; c++) {
				double dc = c - cc;
				double s = sRow + gc * dc;
				if (oneSided && s < 0) {
					continue;
				}
				double q = rowConst + dc * (pcc * dc + 2 * rowLinear);
				double along = s * invLength;
				out[base + c] += (float) (scale * Math.exp(-0.5 * q) / (1 + along * along));
			}
		}
	}
}
