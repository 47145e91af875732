package org.braggcloud.denoise;

/**
 * Eigen-decomposition of a symmetric 3x3 matrix by cyclic Jacobi rotations.
 * <p>
 * Local frames need the eigenvectors of one covariance per point; Jacobi is short, unconditionally
 * stable and returns orthonormal vectors even for repeated eigenvalues (flat or isotropic
 * neighbourhoods), which closed-form cubic solutions do not.
 */
final class SymmetricEigen3 {

	private static final int MAX_SWEEPS = 50;

	private SymmetricEigen3() {
	}

	/**
	 * Decomposes the matrix {@code (a[0] a[1] a[2]; a[1] a[3] a[4]; a[2] a[4] a[5])}.
	 *
	 * @param values receives the 3 eigenvalues in ascending order
	 * @param vectors receives the unit eigenvectors, vector k at {@code vectors[3k..3k+2]}, in the
	 *          order of {@code values}
	 */
	static void decompose(final double[] a, final double[] values, final double[] vectors) {
		final double[] m = {a[0], a[1], a[2], a[1], a[3], a[4], a[2], a[4], a[5]};
		final double[] v = {1, 0, 0, 0, 1, 0, 0, 0, 1};
		for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
			final double off = Math.abs(m[1]) + Math.abs(m[2]) + Math.abs(m[5]);
			final double diag = Math.abs(m[0]) + Math.abs(m[4]) + Math.abs(m[8]);
			if (off == 0 || off <= 1e-15 * diag)
				break;
			rotate(m, v, 0, 1);
			rotate(m, v, 0, 2);
			rotate(m, v, 1, 2);
		}
		// Column c of v is the eigenvector of m[c][c]; sort the three by eigenvalue.
		final int[] order = {0, 1, 2};
		for (int i = 0; i < 2; i++) {
			for (int j = i + 1; j < 3; j++) {
				if (m[4 * order[j]] < m[4 * order[i]]) {
					final int t = order[i];
					order[i] = order[j];
					order[j] = t;
				}
			}
		}
		for (int k = 0; k < 3; k++) {
			final int c = order[k];
			values[k] = m[4 * c];
			vectors[3 * k] = v[c];
			vectors[3 * k + 1] = v[3 + c];
			vectors[3 * k + 2] = v[6 + c];
		}
	}

	/** One Jacobi rotation in the (p, q) plane that zeroes m[p][q]. */
	private static void rotate(final double[] m, final double[] v, final int p, final int q) {
		final double apq = m[3 * p + q];
		if (apq == 0)
			return;
		final double app = m[4 * p], aqq = m[4 * q];
		final double theta = (aqq - app) / (2 * apq);
		final double t = Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
		final double c = 1 / Math.sqrt(t * t + 1);
		final double s = t * c;
		for (int r = 0; r < 3; r++) {
			final double mrp = m[3 * r + p], mrq = m[3 * r + q];
			m[3 * r + p] = c * mrp - s * mrq;
			m[3 * r + q] = s * mrp + c * mrq;
		}
		for (int r = 0; r < 3; r++) {
			final double mpr = m[3 * p + r], mqr = m[3 * q + r];
			m[3 * p + r] = c * mpr - s * mqr;
			m[3 * q + r] = s * mpr + c * mqr;
		}
		m[3 * p + q] = 0;
		m[3 * q + p] = 0;
		for (int r = 0; r < 3; r++) {
			final double vrp = v[3 * r + p], vrq = v[3 * r + q];
			v[3 * r + p] = c * vrp - s * vrq;
			v[3 * r + q] = s * vrp + c * vrq;
		}
	}
}
