package org.braggcloud.network;

import org.braggcloud.testing.SharedFiles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.braggcloud.cloud.PlyReader;
import org.braggcloud.network.checkpoint.FoldingNetWeights;
import org.braggcloud.network.checkpoint.NpyArray;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the paper's seed-1 FoldingNet on its six interop clouds and compares with the arrays the
 * paper's own PyTorch code wrote. Error measure: max|ours - expected| / max|expected|.
 */
class FoldingNetInteropTest {

	private static final Path CASE = SharedFiles.of("interop/foldingnet-paper-seed1");
	private static final double TOLERANCE = 1e-4;
	private static final int CLOUDS = 6;

	private static FoldingNet net;
	private static float[][] clouds;

	@BeforeAll
	static void load() throws IOException {
		final FoldingNetWeights weights = FoldingNetWeights.read(CASE.resolve("model.pkl"));
		assertEquals(2, weights.gridDimension());
		net = FoldingNet.fromWeights(weights, 32, FoldingGrid.plane(), 2);
		clouds = new float[CLOUDS][];
		for (int i = 0; i < CLOUDS; i++) {
			clouds[i] = PlyReader.read(CASE.resolve(String.format("clouds/cloud_%02d.ply", i)))
				.positions();
		}
	}

	@AfterAll
	static void close() {
		if (net != null) net.close();
	}

	@Test
	void codewordsAndReconstructionsMatchThePapersCode() throws IOException {
		final NpyArray features = NpyArray.read(CASE.resolve("expected_features.npy"));
		final NpyArray recon = NpyArray.read(CASE.resolve("expected_reconstruction.npy"));
		assertArrayEquals(new int[] { CLOUDS, 512 }, features.shape());
		assertArrayEquals(new int[] { CLOUDS, 2025, 3 }, recon.shape());

		final float[][] codewords = net.encode(clouds);
		final double featureError = relativeError(codewords, features.data());
		final float[][] points = net.reconstruct(codewords);
		final double reconError = relativeError(points, recon.data());
		System.out.printf("FoldingNet interop: codeword rel. error %.3e, reconstruction rel. " +
			"error %.3e (max|ours-exp| / max|exp|)%n", featureError, reconError);
		assertTrue(featureError <= TOLERANCE, "codeword error " + featureError);
		assertTrue(reconError <= TOLERANCE, "reconstruction error " + reconError);
	}

	@Test
	void encodingIsDeterministic() {
		final float[][] first = net.encode(clouds);
		final float[][] second = net.encode(clouds);
		for (int i = 0; i < CLOUDS; i++) assertArrayEquals(first[i], second[i]);
	}

	@Test
	void oneCloudAloneEncodesAsInTheBatch() {
		final float[][] batch = net.encode(clouds);
		final float[][] single = net.encode(new float[][] { clouds[3] });
		assertTrue(relativeError(single, batch[3]) <= 1e-5);
	}

	@Test
	void printsEncoderThroughput() {
		net.encode(clouds); // warm-up
		final int rounds = 3;
		final long t0 = System.nanoTime();
		for (int r = 0; r < rounds; r++) net.encode(clouds);
		final double seconds = (System.nanoTime() - t0) / 1e9;
		System.out.printf("FoldingNet encoder throughput: %.2f clouds/s (batch %d, %d points, " +
			"k = 32, %d CPUs)%n", rounds * CLOUDS / seconds, CLOUDS, clouds[0].length / 3,
			Runtime.getRuntime().availableProcessors());
	}

	private static double relativeError(final float[][] ours, final float[] expected) {
		double maxDiff = 0, maxRef = 0;
		int at = 0;
		for (final float[] row : ours) {
			for (final float v : row) {
				maxDiff = Math.max(maxDiff, Math.abs(v - expected[at]));
				maxRef = Math.max(maxRef, Math.abs(expected[at]));
				at++;
			}
		}
		assertEquals(expected.length, at, "value count");
		return maxDiff / maxRef;
	}
}
