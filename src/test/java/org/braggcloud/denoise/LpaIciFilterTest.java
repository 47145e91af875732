package org.braggcloud.denoise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

import org.braggcloud.cloud.PointCloud;
import org.braggcloud.progress.ProgressListener;
import org.junit.jupiter.api.Test;

/**
 * LPA-ICI on surfaces with known truth and noise (isotropic Gaussian, sigma 0.5), the density set
 * to the true sampling density. Error = RMS distance to the true surface.
 */
class LpaIciFilterTest {

	private static final double SIGMA = 0.5;

	@Test
	void plane() {
		final double density = 4000 / 3600.0;
		final PointCloud noisy = Shapes.plane(4000, 60, SIGMA, 1);
		final PointCloud out = LpaIciFilter.of(SIGMA, density).apply(noisy, 2);
		final double before = Shapes.rms(Shapes.planeDistances(noisy));
		final double after = Shapes.rms(Shapes.planeDistances(out));
		System.out.printf("LPA-ICI plane: RMS %.3f -> %.3f, factor %.2f%n", before, after, before / after);
		assertTrue(before / after >= 5, "factor " + before / after);
	}

	@Test
	void sphere() {
		final int n = 5000;
		final double r = 20;
		final PointCloud noisy = Shapes.sphere(n, r, SIGMA, 2);
		final PointCloud out = LpaIciFilter.of(SIGMA, n / (4 * Math.PI * r * r)).apply(noisy, 2);
		final double before = Shapes.rms(Shapes.sphereDistances(noisy, r));
		final double[] d = Shapes.sphereDistances(out, r);
		final double after = Shapes.rms(d);
		double bias = 0;
		for (final double x : d)
			bias += x / d.length;
		System.out.printf("LPA-ICI sphere: RMS %.3f -> %.3f, factor %.2f (mean radial offset %.3f)%n", before, after,
			before / after, bias);
		assertTrue(before / after >= 3, "factor " + before / after);
		assertTrue(Math.abs(bias) < 0.2 * SIGMA, "shrinks or inflates the sphere: " + bias);
	}

	@Test
	void cubeCornerKeepsItsEdges() {
		final int perFace = 900;
		final double side = 30;
		final float[] clean = new float[3 * 3 * perFace];
		final PointCloud noisy = Shapes.cubeCorner(perFace, side, SIGMA, 3, clean);
		final PointCloud out = LpaIciFilter.of(SIGMA, perFace / (side * side)).apply(noisy, 2);
		final double before = Shapes.rms(Shapes.cubeCornerDistances(noisy, side));
		final double after = Shapes.rms(Shapes.cubeCornerDistances(out, side));
		double edgeBefore = 0, edgeAfter = 0, edgeMax = 0, outside = 0;
		int edge = 0;
		for (int i = 0; i < out.size(); i++) {
			// The solid is the cube [0, side]^3: a negative coordinate is outside it.
			outside = Math.max(outside, -Math.min(out.x(i), Math.min(out.y(i), out.z(i))));
			final int face = i / perFace;
			final float a = clean[3 * i + (face + 1) % 3], b = clean[3 * i + (face + 2) % 3];
			if (Math.min(a, b) > 1)
				continue;
			edge++;
			final double d0 = Shapes.cubeCornerDistance(noisy.x(i), noisy.y(i), noisy.z(i), side);
			final double d1 = Shapes.cubeCornerDistance(out.x(i), out.y(i), out.z(i), side);
			edgeBefore += d0 * d0;
			edgeAfter += d1 * d1;
			edgeMax = Math.max(edgeMax, d1);
		}
		edgeBefore = Math.sqrt(edgeBefore / edge);
		edgeAfter = Math.sqrt(edgeAfter / edge);
		System.out.printf("LPA-ICI cube corner: RMS %.3f -> %.3f, factor %.2f; %d points within 1 of an edge: " +
			"RMS %.3f -> %.3f, max %.3f; farthest outside the solid %.3f%n", before, after, before / after, edge,
			edgeBefore, edgeAfter, edgeMax, outside);
		assertTrue(before / after >= 2.5, "factor " + before / after);
		assertTrue(edgeAfter <= 0.7 * edgeBefore, "edge RMS " + edgeAfter);
		assertTrue(edgeMax <= 2 * SIGMA, "an edge point drifted " + edgeMax + " from the faces");
		assertTrue(outside <= SIGMA, "a point ended " + outside + " outside the solid");
	}

	@Test
	void estimatorRecoversSigmaAndDensity() {
		final double density = 4000 / 3600.0;
		final NoiseEstimate plane = LpaIciFilter.estimate(Shapes.plane(4000, 60, SIGMA, 1), 2);
		final NoiseEstimate sphere = LpaIciFilter.estimate(Shapes.sphere(5000, 20, SIGMA, 2));
		final double sphereDensity = 5000 / (4 * Math.PI * 400);
		System.out.printf("Noise estimate: plane sigma %.3f (true %.3f), density %.3f (true %.3f); " +
			"sphere sigma %.3f, density %.3f (true %.3f)%n", plane.sigma(), SIGMA, plane.density(), density,
			sphere.sigma(), sphere.density(), sphereDensity);
		assertEquals(SIGMA, plane.sigma(), 0.15 * SIGMA);
		assertEquals(density, plane.density(), 0.15 * density);
		assertEquals(SIGMA, sphere.sigma(), 0.3 * SIGMA);
		assertEquals(sphereDensity, sphere.density(), 0.3 * sphereDensity);
		assertThrows(IllegalArgumentException.class, () -> LpaIciFilter.estimate(PointCloud.of(new float[9])));
	}

	@Test
	void movesButNeverDeletesAndIgnoresTheThreadCount() {
		final float[] v = new float[1500];
		for (int i = 0; i < v.length; i++)
			v[i] = i;
		final PointCloud noisy = PointCloud.of(Shapes.plane(1500, 40, SIGMA, 4).positions(), v);
		final LpaIciFilter f = LpaIciFilter.of(SIGMA, 1500 / 1600.0);
		final PointCloud one = f.apply(noisy, 1);
		final PointCloud three = f.apply(noisy, 3);
		assertEquals(noisy.size(), one.size());
		assertArrayEquals(v, one.values());
		assertArrayEquals(one.positions(), three.positions());
		final PointCloud two = PointCloud.of(new float[] {0, 0, 0, 1, 1, 1});
		assertSame(two, f.apply(two, 2));
	}

	@Test
	void degenerateCloudsStayFinite() {
		final float[] line = new float[3 * 40];
		for (int i = 0; i < 40; i++)
			line[3 * i] = i;
		final float[] far = Shapes.plane(500, 20, SIGMA, 6).positions();
		for (int i = 0; i < far.length; i++)
			far[i] += 1e5f;
		for (final PointCloud c : new PointCloud[] {PointCloud.of(new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0}),
			PointCloud.of(new float[3 * 20]), PointCloud.of(line), Shapes.plane(10, 3, SIGMA, 3), PointCloud.of(far)})
		{
			final PointCloud out = LpaIciFilter.of(SIGMA, 1).apply(c, 2);
			assertEquals(c.size(), out.size());
			for (final float x : out.positions())
				assertTrue(Float.isFinite(x));
		}
		assertArrayEquals(new float[3 * 20], LpaIciFilter.of(SIGMA, 1).apply(PointCloud.of(new float[3 * 20]), 1).positions());
		// Far from the origin, the filter works as well as near it (it centres before scaling).
		final PointCloud shifted = PointCloud.of(far);
		final PointCloud out = LpaIciFilter.of(SIGMA, 500 / 400.0).apply(shifted, 1);
		double before = 0, after = 0;
		for (int i = 0; i < out.size(); i++) {
			before += Math.pow(shifted.z(i) - 1e5, 2);
			after += Math.pow(out.z(i) - 1e5, 2);
		}
		assertTrue(after < 0.25 * before, "before " + before + " after " + after);
	}

	@Test
	void reportsProgressAndCancels() {
		final PointCloud noisy = Shapes.plane(3000, 50, SIGMA, 5);
		final AtomicLong reports = new AtomicLong();
		LpaIciFilter.of(SIGMA, 1.2).apply(noisy, 2, (stage, done, total) -> {
			assertTrue(stage.startsWith("LPA-ICI pass"));
			assertTrue(done <= total);
			reports.incrementAndGet();
		});
		assertTrue(reports.get() >= 2);
		final ProgressListener cancel = new ProgressListener() {

			@Override
			public void progress(final String stage, final long done, final long total) {}

			@Override
			public boolean isCancelled() {
				return true;
			}
		};
		assertThrows(CancellationException.class, () -> LpaIciFilter.of(SIGMA, 1.2).apply(noisy, 2, cancel));
	}

	@Test
	void parameterChecks() {
		assertThrows(IllegalArgumentException.class, () -> LpaIciFilter.of(0, 1));
		assertThrows(IllegalArgumentException.class, () -> LpaIciFilter.of(1, -2));
		assertThrows(IllegalArgumentException.class, () -> LpaIciFilter.of(Double.NaN, 1));
		assertThrows(IllegalArgumentException.class, () -> LpaIciFilter.builder().sigma(1).build());
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> LpaIciFilter.builder().sigma(1).density(1).passes(0).build());
		assertTrue(e.getMessage().contains(">= 1"));
		assertThrows(IllegalArgumentException.class, () -> LpaIciFilter.of(1, 1).apply(PointCloud.empty(), 0));
		final LpaIciFilter f = LpaIciFilter.builder().sigma(5).density(0.2).gamma(1.5).passes(1).frameNeighbours(30).build();
		assertEquals(5, f.sigma());
		assertEquals(0.2, f.density());
		assertEquals(1.5, f.gamma());
		assertEquals(1, f.passes());
		assertEquals(30, f.frameNeighbours());
	}
}
