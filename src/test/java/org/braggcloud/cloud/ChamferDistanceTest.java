package org.braggcloud.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ChamferDistanceTest {

	@Test
	void meanSquaredNearestDistanceBothWays() {
		final PointCloud a = PointCloud.of(new float[] { 0, 0, 0, 2, 0, 0 });
		final PointCloud b = PointCloud.of(new float[] { 0, 1, 0 });
		// a -> b: (1 + 5) / 2 = 3; b -> a: 1
		assertEquals(3, ChamferDistance.oneWay(a, b), 1e-12);
		assertEquals(1, ChamferDistance.oneWay(b, a), 1e-12);
		assertEquals(4, ChamferDistance.of(a, b), 1e-12);
		assertEquals(0, ChamferDistance.of(a, a), 0);
	}

	/** The measured cloud's README states the paper's reconstruction error as 27.35 + 29.18 = 56.5. */
	@Test
	void thePapersReconstructionOfTheMeasuredCloudIsAtItsStatedDistance() throws Exception {
		final Path dir = Path.of("test-images/measured-clouds").toAbsolutePath();
		final PointCloud measured = PlyReader.read(dir.resolve("all150_measured.ply"));
		final PointCloud paper = PlyReader.read(dir.resolve("all150_paper_reconstruction.ply"));
		assertEquals(56.5, ChamferDistance.of(measured, paper), 0.05);
	}
}
