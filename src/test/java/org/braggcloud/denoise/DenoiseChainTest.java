package org.braggcloud.denoise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.braggcloud.cloud.PointCloud;
import org.braggcloud.progress.ProgressListener;
import org.junit.jupiter.api.Test;

class DenoiseChainTest {

	@Test
	void parsesTheNamesAndRejectsOthers() {
		for (final String name : DenoiseChain.NAMES)
			assertEquals(name, DenoiseChain.parse(name).name());
		assertEquals("lpa-ici", DenoiseChain.parse(" LPA-ICI ").name());
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DenoiseChain.parse("median"));
		assertTrue(e.getMessage().contains("none, outliers, lpa-ici, paper"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> DenoiseChain.parse(null));
	}

	@Test
	void chainsDoWhatTheySay() {
		final PointCloud blob = BraggBlob.cloud(1, 10, 4);
		assertSame(blob, DenoiseChain.parse("none").apply(blob, 2, ProgressListener.NONE));
		assertArrayEquals(OutlierRemoval.paper().apply(blob, 1).positions(),
			DenoiseChain.parse("outliers").apply(blob, 2, ProgressListener.NONE).positions());
		PointCloud expected = OutlierRemoval.paper().apply(blob, 1);
		expected = LpaIciFilter.of(5, 2).apply(expected, 1);
		expected = LpaIciFilter.of(5, 0.2).apply(expected, 1);
		expected = OutlierRemoval.paper().apply(expected, 1);
		final PointCloud paper = DenoiseChain.paper().apply(blob, 2, ProgressListener.NONE);
		assertArrayEquals(expected.positions(), paper.positions());
		assertTrue(paper.size() < blob.size());
	}

	@Test
	void automaticLpaIciDenoisesAPlane() {
		final PointCloud noisy = Shapes.plane(3000, 50, 0.5, 7);
		final PointCloud out = DenoiseChain.parse("lpa-ici").apply(noisy, 2, ProgressListener.NONE);
		final double before = Shapes.rms(Shapes.planeDistances(noisy));
		final double after = Shapes.rms(Shapes.planeDistances(out));
		System.out.printf("Automatic LPA-ICI plane: RMS %.3f -> %.3f, factor %.2f%n", before, after, before / after);
		assertTrue(before / after >= 4);
		final PointCloud tiny = PointCloud.of(new float[12]);
		assertSame(tiny, DenoiseChain.parse("lpa-ici").apply(tiny, 1, ProgressListener.NONE));
	}
}
