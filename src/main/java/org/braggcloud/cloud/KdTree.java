package org.braggcloud.cloud;

import org.braggcloud.parallel.ParallelLoop;

/**
 * A static kd-tree over the points of a cloud for exact nearest-neighbour and radius queries.
 * <p>
 * Every filter in the denoising chain asks for neighbours of every point, so the tree is laid out
 * for speed: the coordinates are copied into one flat array in tree order and the tree is implicit
 * (a range {@code [lo, hi)} splits at its middle slot, which holds the median along the axis of
 * largest spread), so there are no node objects and no boxing. Each node keeps its bounding box:
 * queries skip a subtree whose box is out of reach, and a radius query takes a subtree whose box
 * lies wholly inside the ball without testing its points. Ranges of at most {@value #LEAF} points
 * are scanned linearly. A k-nearest query keeps a bounded max-heap in the caller's output arrays
 * and sorts it at the end.
 * <p>
 * Distances are squared Euclidean, computed in double from the float coordinates. Ties are
 * broken by the smaller point index, so results are fully deterministic and equal to a brute
 * force search that sorts by (distance, index). The tree is immutable and safe to query from
 * many threads at once.
 */
public final class KdTree {

	/** Ranges this small are leaves: scanning them beats descending further. */
	private static final int LEAF = 12;

	private final int n;
	private final float[] coords;
	private final int[] original;
	private final byte[] axis;
	/** Bounding box (min x, y, z, max x, y, z) of the range whose middle slot is the index. */
	private final float[] box;

	private KdTree(final float[] coords, final int[] original) {
		this.n = original.length;
		this.coords = coords;
		this.original = original;
		this.axis = new byte[n];
		this.box = new float[6 * n];
		build(0, n);
	}

	/** Builds a tree over the positions of {@code cloud}; O(n log n). */
	public static KdTree build(final PointCloud cloud) {
		final int[] ids = new int[cloud.size()];
		for (int i = 0; i < ids.length; i++)
			ids[i] = i;
		return new KdTree(cloud.positions(), ids);
	}

	/**
	 * The point indices in tree order: consecutive entries are spatially close (each subtree is a
	 * contiguous run), so processing points in this order lets nearby points share work.
	 */
	public int[] order() {
		return original.clone();
	}

	/** Number of points in the tree. */
	public int size() {
		return n;
	}

	private void build(final int lo, final int hi) {
		if (hi - lo <= LEAF)
			return;
		float minX = Float.POSITIVE_INFINITY, minY = minX, minZ = minX;
		float maxX = Float.NEGATIVE_INFINITY, maxY = maxX, maxZ = maxX;
		for (int s = lo; s < hi; s++) {
			final float x = coords[3 * s], y = coords[3 * s + 1], z = coords[3 * s + 2];
			if (x < minX) minX = x;
			if (x > maxX) maxX = x;
			if (y < minY) minY = y;
			if (y > maxY) maxY = y;
			if (z < minZ) minZ = z;
			if (z > maxZ) maxZ = z;
		}
		final float sx = maxX - minX, sy = maxY - minY, sz = maxZ - minZ;
		final int d = sx >= sy && sx >= sz ? 0 : sy >= sz ? 1 : 2;
		final int mid = (lo + hi) >>> 1;
		box[6 * mid] = minX;
		box[6 * mid + 1] = minY;
		box[6 * mid + 2] = minZ;
		box[6 * mid + 3] = maxX;
		box[6 * mid + 4] = maxY;
		box[6 * mid + 5] = maxZ;
		select(lo, hi - 1, mid, d);
		axis[mid] = (byte) d;
		build(lo, mid);
		build(mid + 1, hi);
	}

	/** Hoare quickselect: puts the k-th smallest along {@code d} at slot k, smaller left, larger right. */
	private void select(int lo, int hi, final int k, final int d) {
		while (hi > lo) {
			final float a = coords[3 * lo + d], b = coords[3 * ((lo + hi) >>> 1) + d], c = coords[3 * hi + d];
			final float pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
			int i = lo, j = hi;
			while (i <= j) {
				while (coords[3 * i + d] < pivot)
					i++;
				while (coords[3 * j + d] > pivot)
					j--;
				if (i <= j) {
					swap(i, j);
					i++;
					j--;
				}
			}
			if (k <= j)
				hi = j;
			else if (k >= i)
				lo = i;
			else
				return;
		}
	}

	private void swap(final int i, final int j) {
		for (int d = 0; d < 3; d++) {
			final float t = coords[3 * i + d];
			coords[3 * i + d] = coords[3 * j + d];
			coords[3 * j + d] = t;
		}
		final int t = original[i];
		original[i] = original[j];
		original[j] = t;
	}

	/**
	 * The {@code k} nearest points to (x, y, z), written sorted ascending into {@code indices} and
	 * {@code squaredDistances} (each at least {@code min(k, size())} long).
	 *
	 * @return the number found, {@code min(k, size())}
	 */
	public int nearest(final double x, final double y, final double z, final int k, final int[] indices,
		final double[] squaredDistances)
	{
		if (k < 0)
			throw new IllegalArgumentException("k must be >= 0, got " + k);
		final int m = Math.min(k, n);
		if (indices.length < m || squaredDistances.length < m)
			throw new IllegalArgumentException("output arrays must hold " + m + " entries");
		if (m == 0)
			return 0;
		final KnnSearch s = new KnnSearch(x, y, z, m, indices, squaredDistances);
		s.search(0, n);
		s.sortAscending();
		return m;
	}

	/** The {@code k} nearest points to (x, y, z) as new arrays; see {@link #nearest(double, double, double, int, int[], double[])}. */
	public Neighbours nearest(final double x, final double y, final double z, final int k) {
		final int m = Math.min(Math.max(k, 0), n);
		final int[] idx = new int[m];
		final double[] d2 = new double[m];
		nearest(x, y, z, k, idx, d2);
		return new Neighbours(idx, d2);
	}

	/**
	 * Appends to {@code out} (after clearing it) the indices of all points within {@code radius}
	 * of (x, y, z), boundary included, in no particular order.
	 *
	 * @return the number found
	 */
	public int within(final double x, final double y, final double z, final double radius, final IndexBuffer out) {
		out.clear();
		if (n > 0 && radius >= 0)
			within(0, n, x, y, z, radius * radius, out);
		return out.size();
	}

	private void within(final int lo, final int hi, final double x, final double y, final double z, final double r2,
		final IndexBuffer out)
	{
		if (hi - lo <= LEAF) {
			for (int s = lo; s < hi; s++) {
				if (dist2(s, x, y, z) <= r2)
					out.add(original[s]);
			}
			return;
		}
		final int mid = (lo + hi) >>> 1;
		if (boxDist2(mid, x, y, z) > r2)
			return;
		if (boxFarDist2(mid, x, y, z) <= r2) {
			// The whole range lies inside the ball: take it without testing each point.
			out.addAll(original, lo, hi - lo);
			return;
		}
		if (dist2(mid, x, y, z) <= r2)
			out.add(original[mid]);
		within(lo, mid, x, y, z, r2, out);
		within(mid + 1, hi, x, y, z, r2, out);
	}

	/** Squared distance from the query to the nearest point of the box of node {@code mid}. */
	private double boxDist2(final int mid, final double x, final double y, final double z) {
		final int o = 6 * mid;
		final double dx = Math.max(0, Math.max(box[o] - x, x - box[o + 3]));
		final double dy = Math.max(0, Math.max(box[o + 1] - y, y - box[o + 4]));
		final double dz = Math.max(0, Math.max(box[o + 2] - z, z - box[o + 5]));
		return dx * dx + dy * dy + dz * dz;
	}

	/** Squared distance from the query to the farthest corner of the box of node {@code mid}. */
	private double boxFarDist2(final int mid, final double x, final double y, final double z) {
		final int o = 6 * mid;
		final double dx = Math.max(Math.abs(x - box[o]), Math.abs(x - box[o + 3]));
		final double dy = Math.max(Math.abs(y - box[o + 1]), Math.abs(y - box[o + 4]));
		final double dz = Math.max(Math.abs(z - box[o + 2]), Math.abs(z - box[o + 5]));
		return dx * dx + dy * dy + dz * dz;
	}

	private double dist2(final int s, final double x, final double y, final double z) {
		final double dx = coords[3 * s] - x;
		final double dy = coords[3 * s + 1] - y;
		final double dz = coords[3 * s + 2] - z;
		return dx * dx + dy * dy + dz * dz;
	}

	/**
	 * The k nearest neighbours of every point of the tree's cloud, computed in parallel.
	 *
	 * @param includeSelf whether a point counts as its own neighbour (at distance 0); when false,
	 *          the point's own index is dropped and k is capped at {@code size() - 1}
	 * @param threads the number of threads to use
	 */
	public KnnTable nearestOfAll(final int k, final boolean includeSelf, final int threads) {
		if (k < 0)
			throw new IllegalArgumentException("k must be >= 0, got " + k);
		final int kk = Math.max(0, Math.min(k, includeSelf ? n : n - 1));
		final int[] idx = new int[n * kk];
		final double[] d2 = new double[n * kk];
		if (kk == 0)
			return new KnnTable(n, 0, idx, d2);
		final float[] pos = new float[3 * n];
		for (int s = 0; s < n; s++)
			System.arraycopy(coords, 3 * s, pos, 3 * original[s], 3);
		final int query = includeSelf ? kk : kk + 1;
		final int chunk = 256;
		final int workers = ParallelLoop.workers(n, threads, chunk);
		final int[][] bufIdx = new int[workers][query];
		final double[][] bufD2 = new double[workers][query];
		ParallelLoop.run(n, threads, chunk, (w, from, to) -> {
			final int[] bi = bufIdx[w];
			final double[] bd = bufD2[w];
			for (int i = from; i < to; i++) {
				nearest(pos[3 * i], pos[3 * i + 1], pos[3 * i + 2], query, bi, bd);
				int o = i * kk;
				if (includeSelf) {
					System.arraycopy(bi, 0, idx, o, kk);
					System.arraycopy(bd, 0, d2, o, kk);
					continue;
				}
				// Drop the point itself; if ties at distance 0 pushed it out, drop the last instead.
				int written = 0;
				for (int j = 0; j < query && written < kk; j++) {
					if (bi[j] == i)
						continue;
					idx[o + written] = bi[j];
					d2[o + written] = bd[j];
					written++;
				}
			}
		});
		return new KnnTable(n, kk, idx, d2);
	}

	/** State of one k-nearest query: a max-heap on (distance, index) held in the output arrays. */
	private final class KnnSearch {

		private final double x, y, z;
		private final int k;
		private final int[] heapIdx;
		private final double[] heapD2;
		private int count;
		private double worst = Double.POSITIVE_INFINITY;

		KnnSearch(final double x, final double y, final double z, final int k, final int[] heapIdx,
			final double[] heapD2)
		{
			this.x = x;
			this.y = y;
			this.z = z;
			this.k = k;
			this.heapIdx = heapIdx;
			this.heapD2 = heapD2;
		}

		void search(final int lo, final int hi) {
			if (hi - lo <= LEAF) {
				for (int s = lo; s < hi; s++)
					offer(s);
				return;
			}
			final int mid = (lo + hi) >>> 1;
			if (boxDist2(mid, x, y, z) > worst)
				return;
			final int d = axis[mid];
			final double diff = (d == 0 ? x : d == 1 ? y : z) - coords[3 * mid + d];
			offer(mid);
			if (diff <= 0) {
				search(lo, mid);
				search(mid + 1, hi);
			}
			else {
				search(mid + 1, hi);
				search(lo, mid);
			}
		}

		private void offer(final int s) {
			final double d2 = dist2(s, x, y, z);
			if (d2 > worst)
				return;
			final int id = original[s];
			if (count < k) {
				int c = count++;
				while (c > 0) {
					final int p = (c - 1) >>> 1;
					if (!after(d2, id, heapD2[p], heapIdx[p]))
						break;
					heapD2[c] = heapD2[p];
					heapIdx[c] = heapIdx[p];
					c = p;
				}
				heapD2[c] = d2;
				heapIdx[c] = id;
				if (count == k)
					worst = heapD2[0];
				return;
			}
			if (!after(heapD2[0], heapIdx[0], d2, id))
				return;
			siftDown(d2, id, k);
			worst = heapD2[0];
		}

		/** Places (d2, id) at the root and sifts it down within the first {@code size} slots. */
		private void siftDown(final double d2, final int id, final int size) {
			int c = 0;
			while (true) {
				int child = 2 * c + 1;
				if (child >= size)
					break;
				if (child + 1 < size && after(heapD2[child + 1], heapIdx[child + 1], heapD2[child], heapIdx[child]))
					child++;
				if (!after(heapD2[child], heapIdx[child], d2, id))
					break;
				heapD2[c] = heapD2[child];
				heapIdx[c] = heapIdx[child];
				c = child;
			}
			heapD2[c] = d2;
			heapIdx[c] = id;
		}

		/** Heap sort in place: the max-heap becomes ascending order. */
		void sortAscending() {
			for (int size = count - 1; size > 0; size--) {
				final double d2 = heapD2[size];
				final int id = heapIdx[size];
				heapD2[size] = heapD2[0];
				heapIdx[size] = heapIdx[0];
				siftDown(d2, id, size);
			}
		}
	}

	/** Whether (d1, i1) orders after (d2, i2): larger distance, or equal distance and larger index. */
	private static boolean after(final double d1, final int i1, final double d2, final int i2) {
		return d1 > d2 || (d1 == d2 && i1 > i2);
	}
}
