package org.braggcloud.denoise;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.braggcloud.cloud.PointCloud;
import org.braggcloud.progress.ProgressListener;

/**
 * Prints denoising speeds; a main, not a test, so no timing is ever asserted. Run with
 * {@code java -cp target/classes:target/test-classes org.braggcloud.denoise.DenoiseBenchmark [threads]}.
 * Each figure is the best of several repetitions after warm-up.
 */
public final class DenoiseBenchmark {

	private DenoiseBenchmark() {
	}

	private static PointCloud gaussianBlob(final int n, final long seed) {
		final SplittableRandom rng = new SplittableRandom(seed);
		final float[] p = new float[3 * n];
		for (int i = 0; i < p.length; i++)
			p[i] = (float) (10 * rng.nextGaussian());
		return PointCloud.of(p);
	}

	/** Best wall time in seconds of {@code reps} runs, after {@code warm} unmeasured ones. */
	private static double best(final int warm, final int reps, final Supplier<?> work) {
		for (int i = 0; i < warm; i++)
			work.get();
		double best = Double.POSITIVE_INFINITY;
		for (int i = 0; i < reps; i++) {
			final long t0 = System.nanoTime();
			work.get();
			best = Math.min(best, (System.nanoTime() - t0) / 1e9);
		}
		return best;
	}

	public static void main(final String[] args) {
		final int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
		System.out.printf("threads %d, %d processors, load average %.2f%n", threads,
			Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		final PointCloud bragg = BraggBlob.cloud(1, 12, 5);
		final DenoiseChain paper = DenoiseChain.paper();
		final double chain = best(5, 10, () -> paper.apply(bragg, threads, ProgressListener.NONE));
		System.out.printf("paper chain on a %d-point Bragg-like cloud: %.1f ms -> 1200 clouds in %.0f s%n", bragg.size(),
			chain * 1e3, chain * 1200);
		final OutlierRemoval outliers = OutlierRemoval.paper();
		for (final double[] sd : new double[][] {{5, 2}, {5, 0.2}}) {
			final LpaIciFilter f = LpaIciFilter.of(sd[0], sd[1]);
			final double t = best(3, 5, () -> f.apply(bragg, threads));
			System.out.printf("  LPA-ICI(sigma %.0f, density %.1f), 2 passes: %.1f ms (%.0f points/s)%n", sd[0], sd[1], t * 1e3,
				bragg.size() / t);
		}
		final double to = best(3, 5, () -> outliers.apply(bragg, threads));
		System.out.printf("  outliers(100, 0.8): %.1f ms (%.0f points/s)%n", to * 1e3, bragg.size() / to);
		final PointCloud plane = Shapes.plane(4000, 60, 0.5, 1);
		final LpaIciFilter pf = LpaIciFilter.of(0.5, 4000 / 3600.0);
		final double tp = best(3, 5, () -> pf.apply(plane, threads));
		System.out.printf("LPA-ICI on the 4000-point test plane: %.1f ms (%.0f points/s)%n", tp * 1e3, 4000 / tp);
		for (final int n : new int[] {2000, 20000}) {
			final PointCloud blob = gaussianBlob(n, 7);
			final int reps = n > 10000 ? 2 : 5;
			final double t1 = best(2, reps, () -> outliers.apply(blob, threads));
			final NoiseEstimate e = LpaIciFilter.estimate(blob, threads);
			final LpaIciFilter auto = LpaIciFilter.of(e.sigma(), e.density());
			final double t2 = best(1, reps, () -> auto.apply(blob, threads));
			final LpaIciFilter paper1 = LpaIciFilter.of(5, 2);
			final double t3 = best(1, reps, () -> paper1.apply(blob, threads));
			System.out.printf("Gaussian blob (sd 10) of %d points: outliers %.0f points/s; LPA-ICI 2 passes, estimated " +
				"(sigma %.2f, density %.2f) %.0f points/s, (sigma 5, density 2) %.0f points/s%n", n, n / t1, e.sigma(),
				e.density(), n / t2, n / t3);
		}
	}
}
