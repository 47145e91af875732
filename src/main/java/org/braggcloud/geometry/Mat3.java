package org.braggcloud.geometry;

/**
 * Minimal 3x3 matrix and 3-vector arithmetic on plain {@code double[][]} / {@code double[]}.
 * The project has no linear-algebra dependency and only ever needs 3x3 work, so a few static
 * helpers are enough. Matrices are row-major: {@code m[row][col]}. Every method returns a new
 * array and never modifies its arguments.
 */
public final class Mat3 {

	private Mat3() {
	}

	public static double[][] identity() {
		return new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
	}

	/** Right-handed rotation about x by {@code angleRad} (counter-clockwise seen from +x). */
	public static double[][] rotationX(double angleRad) {
		double c = Math.cos(angleRad);
		double s = Math.sin(angleRad);
		return new double[][] {{1, 0, 0}, {0, c, -s}, {0, s, c}};
	}

	/** Right-handed rotation about y by {@code angleRad} (counter-clockwise seen from +y). */
	public static double[][] rotationY(double angleRad) {
		double c = Math.cos(angleRad);
		double s = Math.sin(angleRad);
		return new double[][] {{c, 0, s}, {0, 1, 0}, {-s, 0, c}};
	}

	public static double[][] multiply(double[][] a, double[][] b) {
		double[][] r = new double[3][3];
		for (int i = 0; i < 3; i++) {
			for (int j = 0; j < 3; j++) {
				r[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j];
			}
		}
		return r;
	}

	public static double[] multiply(double[][] m, double[] v) {
		return new double[] {
			m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
			m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
			m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2]};
	}

	public static double[][] transpose(double[][] m) {
		double[][] r = new double[3][3];
		for (int i = 0; i < 3; i++) {
			for (int j = 0; j < 3; j++) {
				r[i][j] = m[j][i];
			}
		}
		return r;
	}

	public static double determinant(double[][] m) {
		return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
			- m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
			+ m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
	}

	/**
	 * Inverse by the adjugate. Throws when the matrix is singular relative to its own scale
	 * (the determinant compared with the product of row norms), so that a degenerate geometry
	 * fails loudly instead of producing huge numbers.
	 */
	public static double[][] inverse(double[][] m) {
		double det = determinant(m);
		double scale = norm(m[0]) * norm(m[1]) * norm(m[2]);
		if (scale == 0 || Math.abs(det) <= 1e-12 * scale) {
			throw new IllegalArgumentException("matrix is singular");
		}
		double[][] r = new double[3][3];
		r[0][0] = (m[1][1] * m[2][2] - m[1][2] * m[2][1]) / det;
		r[0][1] = (m[0][2] * m[2][1] - m[0][1] * m[2][2]) / det;
		r[0][2] = (m[0][1] * m[1][2] - m[0][2] * m[1][1]) / det;
		r[1][0] = (m[1][2] * m[2][0] - m[1][0] * m[2][2]) / det;
		r[1][1] = (m[0][0] * m[2][2] - m[0][2] * m[2][0]) / det;
		r[1][2] = (m[0][2] * m[1][0] - m[0][0] * m[1][2]) / det;
		r[2][0] = (m[1][0] * m[2][1] - m[1][1] * m[2][0]) / det;
		r[2][1] = (m[0][1] * m[2][0] - m[0][0] * m[2][1]) / det;
		r[2][2] = (m[0][0] * m[1][1] - m[0][1] * m[1][0]) / det;
		return r;
	}

	/** Matrix whose columns are the three given vectors. */
	public static double[][] fromColumns(double[] c0, double[] c1, double[] c2) {
		return new double[][] {{c0[0], c1[0], c2[0]}, {c0[1], c1[1], c2[1]}, {c0[2], c1[2], c2[2]}};
	}

	/** Matrix whose rows are the three given vectors. */
	public static double[][] fromRows(double[] r0, double[] r1, double[] r2) {
		return new double[][] {r0.clone(), r1.clone(), r2.clone()};
	}

	public static double[] column(double[][] m, int j) {
		return new double[] {m[0][j], m[1][j], m[2][j]};
	}

	public static double[][] copy(double[][] m) {
		return new double[][] {m[0].clone(), m[1].clone(), m[2].clone()};
	}

	public static double dot(double[] a, double[] b) {
		return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
	}

	public static double[] cross(double[] a, double[] b) {
		return new double[] {
			a[1] * b[2] - a[2] * b[1],
			a[2] * b[0] - a[0] * b[2],
			a[0] * b[1] - a[1] * b[0]};
	}

	public static double norm(double[] a) {
		return Math.sqrt(dot(a, a));
	}

	public static double[] scale(double[] a, double s) {
		return new double[] {a[0] * s, a[1] * s, a[2] * s};
	}

	public static double[] add(double[] a, double[] b) {
		return new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
	}

	public static double[] subtract(double[] a, double[] b) {
		return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
	}

	public static double[] normalize(double[] a) {
		double n = norm(a);
		if (n == 0) {
			throw new IllegalArgumentException("cannot normalise a zero vector");
		}
		return scale(a, 1.0 / n);
	}
}
