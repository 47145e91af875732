package org.braggcloud.simulation;

import org.braggcloud.geometry.Mat3;

/**
 * A 3D Gaussian in voxel space (column, row, angle index) with a fixed covariance and unit
 * integral, precomputed once per domain so that a frame costs only exponentials. Evaluating the
 * density at integer voxels is "exact for the linear map": the q-space Gaussian pushed through
 * labToVoxel is again Gaussian, with covariance {@code A S A^T}. Point sampling sums to 1 over
 * the voxel lattice to within {@code exp(-2 pi^2 sigma^2)}, negligible for sigma above ~0.7 voxel.
 */
final class PeakShape {

	/** Half-width of the evaluated bounding box, in standard deviations. */
	static final double CUTOFF_SIGMA = 4.5;

	private final double pcc;
	private final double prr;
	private final double paa;
	private final double pcr;
	private final double pca;
	private final double pra;
	private final double norm;
	private final double sigmaA;
	private final double betaC;
	private final double betaR;
	private final double halfC;
	private final double halfR;
	private final double[] sigmas;

	/** @param cov voxel-space covariance, index order (column, row, angle) */
	PeakShape(double[][] cov) {
		double[][] p = Mat3.inverse(cov);
		double det = Mat3.determinant(cov);
		if (!(det > 0)) {
			throw new IllegalArgumentException("covariance is not positive definite");
		}
		pcc = p[0][0];
		prr = p[1][1];
		paa = p[2][2];
		pcr = 0.5 * (p[0][1] + p[1][0]);
		pca = 0.5 * (p[0][2] + p[2][0]);
		pra = 0.5 * (p[1][2] + p[2][1]);
		norm = 1.0 / (Math.pow(2 * Math.PI, 1.5) * Math.sqrt(det));
		sigmaA = Math.sqrt(cov[2][2]);
		// Within one angle slice the Gaussian is a 2D Gaussian whose centre moves linearly with
		// the angle offset (regression on angle) and whose spread is the conditional covariance.
		betaC = cov[0][2] / cov[2][2];
		betaR = cov[1][2] / cov[2][2];
		double condCC = cov[0][0] - cov[0][2] * cov[0][2] / cov[2][2];
		double condRR = cov[1][1] - cov[1][2] * cov[1][2] / cov[2][2];
		halfC = CUTOFF_SIGMA * Math.sqrt(condCC);
		halfR = CUTOFF_SIGMA * Math.sqrt(condRR);
		sigmas = new double[] {Math.sqrt(cov[0][0]), Math.sqrt(cov[1][1]), sigmaA};
	}

	/** Density at the centre (the maximum), per voxel, for unit integral. */
	double peakDensity() {
		return norm;
	}

	/** Marginal standard deviations (column, row, angle index) in voxels. */
	double[] sigmas() {
		return sigmas.clone();
	}

	/**
	 * Adds {@code amplitude * density} over the slice at integer angle index {@code angle} for a
	 * Gaussian centred at voxel (mc, mr, ma), absolute indices; out is row-major rows x cols.
	 */
	void addSlice(double mc, double mr, double ma, int angle, double amplitude,
				  float[] out, int rows, int cols) {
		double da = angle - ma;
		if (Math.abs(da) > CUTOFF_SIGMA * sigmaA) {
			return;
		}
		double cc = mc + betaC * da;
		double cr = mr + betaR * da;
		int c0 = Math.max(0, (int) Math.ceil(cc - halfC));
		int c1 = Math.min(cols - 1, (int) Math.floor(cc + halfC));
		int r0 = Math.max(0, (int) Math.ceil(cr - halfR));
		int r1 = Math.min(rows - 1, (int) Math.floor(cr + halfR));
		if (c0 > c1 || r0 > r1) {
			return;
		}
		double scale = amplitude * norm;
		double aa = paa * da * da;
		for (int r = r0; r <= r1; r++) {
			double dr = r - mr;
			double rowConst = aa + prr * dr * dr + 2 * pra * dr * da;
			double rowLinear = 2 * (pcr * dr + pca * da);
			int base = r * cols;
			for (int c = c0; c <= c1; c++) {
				double dc = c - mc;
				double q = rowConst + dc * (pcc * dc + rowLinear);
				out[base + c] += (float) (scale * Math.exp(-0.5 * q));
			}
		}
	}
}
