package org.braggcloud.registration;

import java.util.List;

/**
 * Per-angle drifts from pairwise displacements by weighted least squares: find d (d_0 = 0)
 * minimising sum w_ij |d_j - d_i - m_ij|^2.
 *
 * <p>Why least squares over a graph rather than a chain: chaining consecutive angles adds
 * their errors up, a random walk, while every extra pair (i, i+2), (i, i+3), ... ties the
 * chain back and averages the errors down. A pair that disagrees with the others (a wrong
 * peak) shows up as a large residual and is dropped by the caller.
 */
final class DriftSolver {

	private DriftSolver() {
	}

	/**
	 * @param angles number of angles (nodes); every one must be connected to angle 0 through
	 *               pairs of positive weight, which the caller checks ({@link #unconnected})
	 * @param weights one weight per pair, &gt;= 0
	 * @return [angle] -&gt; {dy, dx}, angle 0 at {0, 0}
	 */
	static double[][] solve(int angles, List<PairShift> pairs, double[] weights) {
		int n = angles - 1;
		double[][] a = new double[n][n];
		double[][] b = new double[n][2];
		for (int p = 0; p < pairs.size(); p++) {
			PairShift e = pairs.get(p);
			double w = weights[p];
			if (w <= 0) {
				continue;
			}
			// Row of the design matrix: +1 at `to`, -1 at `from`; angle 0 is fixed and dropped.
			int i = e.from() - 1;
			int j = e.to() - 1;
			double[] m = {e.shift().dy(), e.shift().dx()};
			if (j >= 0) {
				a[j][j] += w;
				b[j][0] += w * m[0];
				b[j][1] += w * m[1];
			}
			if (i >= 0) {
				a[i][i] += w;
				b[i][0] -= w * m[0];
				b[i][1] -= w * m[1];
			}
			if (i >= 0 && j >= 0) {
				a[i][j] -= w;
				a[j][i] -= w;
			}
		}
		double[][] x = Cholesky.solve(a, b);
		double[][] drift = new double[angles][2];
		for (int k = 0; k < n; k++) {
			drift[k + 1] = x[k];
		}
		return drift;
	}

	/** Angles that pairs of positive weight do not connect to angle 0, in increasing order. */
	static int[] unconnected(int angles, List<PairShift> pairs, double[] weights) {
		boolean[] reached = new boolean[angles];
		reached[0] = true;
		boolean grew = true;
		while (grew) {
			grew = false;
			for (int p = 0; p < pairs.size(); p++) {
				PairShift e = pairs.get(p);
				if (weights[p] > 0 && reached[e.from()] != reached[e.to()]) {
					reached[e.from()] = true;
					reached[e.to()] = true;
					grew = true;
				}
			}
		}
		int count = 0;
		for (boolean r : reached) {
			count += r ? 0 : 1;
		}
		int[] missing = new int[count];
		int k = 0;
		for (int i = 0; i < angles; i++) {
			if (!reached[i]) {
				missing[k++] = i;
			}
		}
		return missing;
	}
}
