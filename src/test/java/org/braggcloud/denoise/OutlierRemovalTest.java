package org.braggcloud.denoise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.braggcloud.cloud.PointCloud;
import org.braggcloud.progress.ProgressListener;
import org.junit.jupiter.api.Test;

class OutlierRemovalTest {

	/** A Gaussian blob of {@code n} points plus {@code far} points far outside it (at the end). */
	private static PointCloud blobWithOutliers(final int n, final int far, final long seed) {
		final SplittableRandom rng = new SplittableRandom(seed);
		final float[] p = new float[3 * (n + far)];
		for (int i = 0; i < 3 * n; i++)
			p[i] = (float) rng.nextGaussian();
		for (int i = n; i < n + far; i++) {
			final double a = 2 * Math.PI * rng.nextDouble();
			p[3 * i] = (float) (8 * Math.cos(a));
			p[3 * i + 1] = (float) (8 * Math.sin(a));
			p[3 * i + 2] = (float) (3 * rng.nextGaussian());
		}
		return PointCloud.of(p);
	}

	@Test
	void removesFarPointsAndKeepsTheBlob() {
		final int n = 3000, far = 12;
		final OutlierResult r = OutlierRemoval.paper().run(blobWithOutliers(n, far, 1), 2, ProgressListener.NONE);
		final int[] kept = r.keptIndices();
		final long farKept = Arrays.stream(kept).filter(i -> i >= n).count();
		final long blobKept = kept.length - farKept;
		System.out.printf("Outlier removal: kept %d of %d blob points (%.1f %%), %d of %d far points%n", blobKept, n,
			100.0 * blobKept / n, farKept, far);
		assertEquals(0, farKept);
		assertTrue(blobKept >= 0.9 * n, "kept only " + blobKept);
		assertEquals(kept.length, r.kept().size());
	}

	/** The pcdenoise rule written out directly: brute-force neighbours, sample standard deviation. */
	private static int[] bruteForceKept(final PointCloud c, final int k, final double alpha) {
		final int n = c.size();
		final int kk = Math.min(k, n - 1);
		final double[] mean = new double[n];
		for (int i = 0; i < n; i++) {
			final int self = i;
			final double[] d2 = IntStream.range(0, n).filter(j -> j != self).mapToDouble(j -> {
				final double dx = c.x(j) - c.x(self), dy = c.y(j) - c.y(self), dz = c.z(j) - c.z(self);
				return dx * dx + dy * dy + dz * dz;
			}).sorted().toArray();
			double s = 0;
			for (int j = 0; j < kk; j++)
				s += Math.sqrt(d2[j]);
			mean[i] = s / kk;
		}
		double m = 0;
		for (final double d : mean)
			m += d;
		m /= n;
		double ss = 0;
		for (final double d : mean)
			ss += (d - m) * (d - m);
		final double threshold = m + alpha * Math.sqrt(ss / (n - 1));
		return IntStream.range(0, n).filter(i -> mean[i] <= threshold).toArray();
	}

	@Test
	void matchesBruteForceExactly() {
		final SplittableRandom rng = new SplittableRandom(5);
		for (int trial = 0; trial < 6; trial++) {
			final int n = 40 + 30 * trial;
			final float[] p = new float[3 * n];
			for (int i = 0; i < p.length; i++)
				p[i] = trial % 2 == 0 ? (float) (rng.nextGaussian() * (1 + rng.nextInt(3))) : rng.nextInt(5);
			final PointCloud c = PointCloud.of(p);
			for (final int k : new int[] {1, 4, 10, n - 1, n + 5}) {
				for (final double alpha : new double[] {0, 0.8, 2}) {
					final OutlierResult r = OutlierRemoval.of(k, alpha).run(c, 1 + trial % 3, ProgressListener.NONE);
					assertArrayEquals(bruteForceKept(c, k, alpha), r.keptIndices(), "n " + n + " k " + k + " alpha " + alpha);
				}
			}
		}
	}

	@Test
	void usesTheSampleStandardDeviation() {
		// Four points on a line: mean distances to the 1 nearest other point are 1, 1, 1, 3.
		final PointCloud c = PointCloud.of(new float[] {0, 0, 0, 1, 0, 0, 2, 0, 0, 5, 0, 0});
		final OutlierResult r = OutlierRemoval.of(1, 1).run(c, 1, ProgressListener.NONE);
		assertEquals(1.5, r.mean(), 1e-12);
		assertEquals(1.0, r.standardDeviation(), 1e-12);
		assertEquals(2.5, r.threshold(), 1e-12);
		assertArrayEquals(new int[] {0, 1, 2}, r.keptIndices());
	}

	@Test
	void smallCloudsAndArguments() {
		final PointCloud one = PointCloud.of(new float[] {1, 2, 3});
		assertSame(one, OutlierRemoval.paper().apply(one, 1));
		assertTrue(OutlierRemoval.paper().apply(PointCloud.empty(), 1).isEmpty());
		final PointCloud two = PointCloud.of(new float[] {0, 0, 0, 1, 1, 1});
		assertEquals(2, OutlierRemoval.paper().apply(two, 1).size());
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutlierRemoval.of(0, 1));
		assertTrue(e.getMessage().contains(">= 1"));
		e = assertThrows(IllegalArgumentException.class, () -> OutlierRemoval.of(5, -1));
		assertTrue(e.getMessage().contains(">= 0"));
		assertThrows(IllegalArgumentException.class, () -> OutlierRemoval.of(5, Double.NaN));
		assertThrows(IllegalArgumentException.class, () -> OutlierRemoval.of(5, Double.POSITIVE_INFINITY));
	}
}
