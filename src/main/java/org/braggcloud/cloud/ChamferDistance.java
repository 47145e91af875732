package org.braggcloud.cloud;

/**
 * How far two clouds are apart: the mean squared distance from each point of one to its nearest
 * point of the other, taken both ways and added (in the clouds' units, squared). This is the
 * figure the paper's reconstructions are judged by; training's loss sums instead of averaging.
 */
public final class ChamferDistance {

	private ChamferDistance() {}

	public static double of(final PointCloud a, final PointCloud b) {
		if (a.isEmpty() || b.isEmpty()) throw new IllegalArgumentException("the Chamfer distance needs two non-empty clouds");
		return oneWay(a, b) + oneWay(b, a);
	}

	/** Mean over the points of {@code from} of the squared distance to the nearest point of {@code to}. */
	public static double oneWay(final PointCloud from, final PointCloud to) {
		final KdTree tree = KdTree.build(to);
		final int[] index = new int[1];
		final double[] d2 = new double[1];
		double sum = 0;
		for (int i = 0; i < from.size(); i++) {
			tree.nearest(from.x(i), from.y(i), from.z(i), 1, index, d2);
			sum += d2[0];
		}
		return sum / from.size();
	}
}
