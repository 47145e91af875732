package org.braggcloud.clustering;

/**
 * Eigenvalues and eigenvectors of a real symmetric matrix by cyclic Jacobi rotations. Slower than
 * a tridiagonal QL solver but it always converges, including on the rank-deficient covariance of
 * network codewords (many zero or repeated eigenvalues), where commons-math's solver can give up.
 */
final class SymmetricEigen {

	private static final int MAX_SWEEPS = 60;

	/** eigenvalues, in no particular order */
	final double[] values;
	/** vectors[j] is the unit eigenvector of values[j] */
	final double[][] vectors;

	private SymmetricEigen(final double[] values, final double[][] vectors) {
		this.values = values;
		this.vectors = vectors;
	}

	/** Decomposes {@code matrix} (symmetric, not modified). */
	static SymmetricEigen of(final double[][] matrix) {
		final int n = matrix.length;
		final double[][] a = new double[n][];
		for (int i = 0; i < n; i++) a[i] = matrix[i].clone();
		// v holds eigenvectors as rows, so each rotation touches two contiguous rows
		final double[][] v = new double[n][n];
		for (int i = 0; i < n; i++) v[i][i] = 1;
		double scale = 0;
		for (int i = 0; i < n; i++)
			for (int j = 0; j < n; j++) scale = Math.max(scale, Math.abs(a[i][j]));
		final double tiny = scale * 1e-15;
		for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
			double off = 0;
			for (int p = 0; p < n; p++)
				for (int q = p + 1; q < n; q++) off = Math.max(off, Math.abs(a[p][q]));
			if (off <= tiny) break;
			for (int p = 0; p < n - 1; p++) {
				for (int q = p + 1; q < n; q++) {
					final double apq = a[p][q];
					if (Math.abs(apq) <= tiny) continue;
					final double theta = (a[q][q] - a[p][p]) / (2 * apq);
					final double t = Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
					final double c = 1 / Math.sqrt(t * t + 1);
					final double s = t * c;
					rotate(a, p, q, c, s, n);
					final double[] vp = v[p];
					final double[] vq = v[q];
					for (int k = 0; k < n; k++) {
						final double x = vp[k];
						final double y = vq[k];
						vp[k] = c * x - s * y;
						vq[k] = s * x + c * y;
					}
				}
			}
		}
		final double[] values = new double[n];
		for (int i = 0; i < n; i++) values[i] = a[i][i];
		return new SymmetricEigen(values, v);
	}

	/** A' = J^T A J for the rotation in the (p, q) plane, keeping A symmetric. */
	private static void rotate(final double[][] a, final int p, final int q, final double c, final double s, final int n) {
		for (int k = 0; k < n; k++) {
			final double akp = a[k][p];
			final double akq = a[k][q];
			a[k][p] = c * akp - s * akq;
			a[k][q] = s * akp + c * akq;
		}
		for (int k = 0; k < n; k++) {
			final double apk = a[p][k];
			final double aqk = a[q][k];
			a[p][k] = c * apk - s * aqk;
			a[q][k] = s * apk + c * aqk;
		}
	}
}
