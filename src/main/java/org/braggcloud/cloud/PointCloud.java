package org.braggcloud.cloud;

import java.util.Arrays;

/**
 * An immutable set of 3D points, each carrying one value (the voxel intensity or count; 1 when
 * the source has none).
 * <p>
 * Positions are kept as one interleaved {@code float[3n]} (x, y, z of point 0, then point 1, ...)
 * because every consumer (kd-tree, filters, PLY, the network) walks them in that order and float
 * precision is far below the voxel grid's. Factories copy their arrays and accessors return copies,
 * so a cloud can be shared between threads freely.
 */
public final class PointCloud implements java.io.Serializable {

	private static final long serialVersionUID = 1L;


	private static final PointCloud EMPTY = new PointCloud(new float[0], new float[0]);

	private final float[] xyz;
	private final float[] values;

	private PointCloud(final float[] xyz, final float[] values) {
		this.xyz = xyz;
		this.values = values;
	}

	/** The cloud without points. */
	public static PointCloud empty() {
		return EMPTY;
	}

	/**
	 * A cloud from interleaved positions and one value per point; both arrays are copied.
	 *
	 * @throws IllegalArgumentException if the lengths disagree or a coordinate is not finite
	 */
	public static PointCloud of(final float[] xyz, final float[] values) {
		if (xyz.length % 3 != 0)
			throw new IllegalArgumentException("positions must hold 3 floats per point, got " + xyz.length);
		if (values.length != xyz.length / 3)
			throw new IllegalArgumentException("need one value per point: " + xyz.length / 3 +
				" points but " + values.length + " values");
		for (int i = 0; i < xyz.length; i++) {
			if (!Float.isFinite(xyz[i]))
				throw new IllegalArgumentException("coordinate " + (i % 3) + " of point " + i / 3 +
					" is not finite: " + xyz[i]);
		}
		return new PointCloud(xyz.clone(), values.clone());
	}

	/** A cloud from interleaved positions with every value 1. */
	public static PointCloud of(final float[] xyz) {
		final float[] ones = new float[xyz.length / 3];
		Arrays.fill(ones, 1f);
		return of(xyz, ones);
	}

	/** Number of points. */
	public int size() {
		return values.length;
	}

	public boolean isEmpty() {
		return values.length == 0;
	}

	public float x(final int i) {
		return xyz[3 * i];
	}

	public float y(final int i) {
		return xyz[3 * i + 1];
	}

	public float z(final int i) {
		return xyz[3 * i + 2];
	}

	public float value(final int i) {
		return values[i];
	}

	/** A copy of the interleaved positions, {@code 3 * size()} floats. */
	public float[] positions() {
		return xyz.clone();
	}

	/** A copy of the per-point values. */
	public float[] values() {
		return values.clone();
	}

	/**
	 * The same values at new positions (a filter's output keeps each point's value).
	 *
	 * @throws IllegalArgumentException if {@code xyz} does not hold exactly {@code 3 * size()} floats
	 */
	public PointCloud withPositions(final float[] newXyz) {
		if (newXyz.length != xyz.length)
			throw new IllegalArgumentException("expected " + xyz.length + " coordinates, got " + newXyz.length);
		return of(newXyz, values);
	}

	/** The points at {@code indices}, in that order; an index may repeat. */
	public PointCloud subset(final int[] indices) {
		final float[] p = new float[3 * indices.length];
		final float[] v = new float[indices.length];
		for (int k = 0; k < indices.length; k++) {
			final int i = indices[k];
			if (i < 0 || i >= values.length)
				throw new IndexOutOfBoundsException("index " + i + " outside 0.." + (values.length - 1));
			p[3 * k] = xyz[3 * i];
			p[3 * k + 1] = xyz[3 * i + 1];
			p[3 * k + 2] = xyz[3 * i + 2];
			v[k] = values[i];
		}
		return new PointCloud(p, v);
	}

	/**
	 * Unweighted mean position {x, y, z}.
	 *
	 * @throws IllegalStateException for an empty cloud
	 */
	public double[] centroid() {
		if (isEmpty())
			throw new IllegalStateException("an empty cloud has no centroid");
		final double[] c = new double[3];
		for (int i = 0; i < values.length; i++) {
			c[0] += xyz[3 * i];
			c[1] += xyz[3 * i + 1];
			c[2] += xyz[3 * i + 2];
		}
		for (int d = 0; d < 3; d++)
			c[d] /= values.length;
		return c;
	}

	/**
	 * Mean position weighted by the values: the intensity centre of mass of a diffraction peak.
	 *
	 * @throws IllegalStateException for an empty cloud or values summing to zero
	 */
	public double[] weightedCentroid() {
		final double[] c = new double[3];
		double total = 0;
		for (int i = 0; i < values.length; i++) {
			final double w = values[i];
			total += w;
			c[0] += w * xyz[3 * i];
			c[1] += w * xyz[3 * i + 1];
			c[2] += w * xyz[3 * i + 2];
		}
		if (!(total != 0) || !Double.isFinite(total))
			throw new IllegalStateException("values sum to " + total + ": no weighted centroid");
		for (int d = 0; d < 3; d++)
			c[d] /= total;
		return c;
	}

	@Override
	public String toString() {
		return "PointCloud[" + size() + " points]";
	}
}
