package org.braggcloud.clustering;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.braggcloud.parallel.ParallelLoop;

/**
 * Seeded k-means: k-means++ starts and Lloyd iterations, best of several restarts by within-cluster
 * sum of squares.
 * <p>
 * Only per-row work (distances, nearest centre) runs in parallel, each row written by one thread;
 * every sum over rows runs on one thread in row order. The result is therefore bit-identical for
 * any thread count, which keeps cluster maps reproducible between a laptop and a cluster node.
 * <pre>
 * Clustering c = KMeans.clusters(4).restarts(10).seed(1).threads(8).fit(rows);
 * </pre>
 */
public final class KMeans {

	private static final int CHUNK = 256;

	private final int k;
	private int restarts = 10;
	private int maxIterations = 300;
	private long seed = 1;
	private int threads = 1;

	private KMeans(final int k) {
		if (k < 1) throw new IllegalArgumentException("clusters must be >= 1, got " + k);
		this.k = k;
	}

	/** Starts a k-means with {@code k} clusters. */
	public static KMeans clusters(final int k) {
		return new KMeans(k);
	}

	/** Independent k-means++ starts; the lowest within-SS wins (default 10). */
	public KMeans restarts(final int r) {
		if (r < 1) throw new IllegalArgumentException("restarts must be >= 1, got " + r);
		restarts = r;
		return this;
	}

	/** Lloyd iterations per start at most; a start stops earlier when no label changes (default 300). */
	public KMeans maxIterations(final int n) {
		if (n < 1) throw new IllegalArgumentException("maxIterations must be >= 1, got " + n);
		maxIterations = n;
		return this;
	}

	public KMeans seed(final long s) {
		seed = s;
		return this;
	}

	/** Threads for the per-row work (default 1); the result does not depend on it. */
	public KMeans threads(final int t) {
		if (t < 1) throw new IllegalArgumentException("threads must be >= 1, got " + t);
		threads = t;
		return this;
	}

	public Clustering fit(final double[][] rows) {
		final int d = FeatureScaling.requireRows(rows);
		if (k > rows.length)
			throw new IllegalArgumentException("Cannot make " + k + " clusters of " + rows.length + " rows");
		final SplittableRandom random = new SplittableRandom(seed);
		Clustering best = null;
		for (int r = 0; r < restarts; r++) {
			final Clustering c = lloyd(rows, plusPlus(rows, d, random.split()));
			if (best == null || c.withinSumOfSquares() < best.withinSumOfSquares()) best = c;
		}
		final int[] labels = best.labels().clone();
		final double[][] centroids = Clustering.renumber(labels, Clustering.canonicalOrder(labels, k), best.centroids());
		return new Clustering(labels, centroids, best.withinSumOfSquares());
	}

	/** k-means++: each next centre drawn with probability proportional to its squared distance to the nearest centre so far. */
	private double[][] plusPlus(final double[][] rows, final int d, final SplittableRandom random) {
		final int n = rows.length;
		final double[][] centres = new double[k][];
		centres[0] = rows[random.nextInt(n)].clone();
		final double[] nearest = new double[n];
		Arrays.fill(nearest, Double.POSITIVE_INFINITY);
		for (int c = 1; c < k; c++) {
			final double[] last = centres[c - 1];
			ParallelLoop.run(n, threads, CHUNK, (w, from, to) -> {
				for (int i = from; i < to; i++)
					nearest[i] = Math.min(nearest[i], distance2(rows[i], last));
			});
			double total = 0;
			for (int i = 0; i < n; i++)
				total += nearest[i];
			int pick = n - 1;
			if (total > 0) {
				final double u = random.nextDouble() * total;
				double acc = 0;
				for (int i = 0; i < n; i++) {
					acc += nearest[i];
					if (acc > u && nearest[i] > 0) {
						pick = i;
						break;
					}
				}
			}
			else pick = random.nextInt(n); // all rows coincide with the centres: any choice is as good
			centres[c] = rows[pick].clone();
		}
		return centres;
	}

	private Clustering lloyd(final double[][] rows, final double[][] centres) {
		final int n = rows.length, d = rows[0].length;
		final int[] labels = new int[n];
		Arrays.fill(labels, -1);
		final double[] dist = new double[n];
		for (int it = 0; it < maxIterations; it++) {
			final boolean changed = assign(rows, centres, labels, dist);
			if (!changed && it > 0) break;
			update(rows, centres, labels, dist, d);
		}
		assign(rows, centres, labels, dist);
		double wss = 0;
		for (int i = 0; i < n; i++)
			wss += dist[i];
		return new Clustering(labels, centres, wss);
	}

	/** Nearest centre of every row; true when any label changed. */
	private boolean assign(final double[][] rows, final double[][] centres, final int[] labels, final double[] dist) {
		final boolean[] changed = new boolean[1];
		ParallelLoop.run(rows.length, threads, CHUNK, (w, from, to) -> {
			boolean any = false;
			for (int i = from; i < to; i++) {
				int best = 0;
				double bd = Double.POSITIVE_INFINITY;
				for (int c = 0; c < centres.length; c++) {
					final double t = distance2Below(rows[i], centres[c], bd);
					if (t < bd) {
						bd = t;
						best = c;
					}
				}
				dist[i] = bd;
				if (labels[i] != best) {
					labels[i] = best;
					any = true;
				}
			}
			if (any) changed[0] = true; // only ever set to true, so the race is harmless
		});
		return changed[0];
	}

	/** Centres to the means of their rows; an emptied cluster takes the row farthest from its centre. */
	private static void update(final double[][] rows, final double[][] centres, final int[] labels, final double[] dist, final int d) {
		final int k = centres.length;
		final double[][] sum = new double[k][d];
		final int[] count = new int[k];
		for (int i = 0; i < rows.length; i++) {
			final double[] s = sum[labels[i]];
			count[labels[i]]++;
			for (int j = 0; j < d; j++)
				s[j] += rows[i][j];
		}
		for (int c = 0; c < k; c++) {
			if (count[c] > 0) {
				for (int j = 0; j < d; j++)
					centres[c][j] = sum[c][j] / count[c];
				continue;
			}
			int far = 0;
			for (int i = 1; i < rows.length; i++)
				if (dist[i] > dist[far]) far = i;
			centres[c] = rows[far].clone();
			dist[far] = 0;
		}
	}

	/**
	 * The squared distance when it is below {@code bound}, else some value {@code >= bound}: the sum
	 * stops once it reaches the bound, which skips most of a 512-d sum for all but the nearest
	 * centres without changing which centre is nearest.
	 */
	private static double distance2Below(final double[] a, final double[] b, final double bound) {
		double s = 0;
		int j = 0;
		for (int end = Math.min(a.length, 32); ; end = Math.min(a.length, end + 32)) {
			for (; j < end; j++) {
				final double t = a[j] - b[j];
				s += t * t;
			}
			if (j == a.length || s >= bound) return s;
		}
	}

	static double distance2(final double[] a, final double[] b) {
		double s = 0;
		for (int j = 0; j < a.length; j++) {
			final double t = a[j] - b[j];
			s += t * t;
		}
		return s;
	}
}
