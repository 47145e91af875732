package org.braggcloud.network.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.braggcloud.scan.ScanFormatException;
import org.junit.jupiter.api.Test;

class FoldingNetWeightsTest {

	@Test
	void interopModelPasses() throws IOException {
		final FoldingNetWeights w = FoldingNetWeights.read(TorchCheckpointTest.MODEL);
		assertEquals(2, w.gridDimension());
		assertArrayEquals(new int[] { 512, 514, 1 }, w.shape("decoder.folding1.0.weight"));
		assertArrayEquals(new int[] { 64, 64 }, w.shape("encoder.linear1.weight"));
		assertEquals(0.14874367415905f, w.weight("encoder.mlp1.0.weight")[0]);
		assertThrows(IllegalArgumentException.class, () -> w.weight("encoder.nope"));
	}

	@Test
	void moduleParallelPrefixIsStrippedAndGrid3Accepted() throws ScanFormatException {
		final Map<String, TorchCheckpoint.Tensor> m = new LinkedHashMap<>();
		for (final Map.Entry<String, int[]> e : FoldingNetWeights.expectedShapes(3).entrySet()) {
			m.put("module." + e.getKey(), zeros(e.getValue()));
		}
		final FoldingNetWeights w = FoldingNetWeights.of(m, null);
		assertEquals(3, w.gridDimension());
		assertArrayEquals(new int[] { 512, 515, 1 }, w.shape("decoder.folding1.0.weight"));
	}

	@Test
	void everyProblemIsListedAtOnce() {
		final Map<String, TorchCheckpoint.Tensor> m = new LinkedHashMap<>();
		FoldingNetWeights.expectedShapes(2).forEach((k, s) -> m.put(k, zeros(s)));
		m.remove("encoder.conv2.bias");
		m.put("encoder.linear2.weight", zeros(new int[] { 128, 64 }));
		m.put("encoder.bn1.weight", zeros(new int[] { 64 }));
		final Path source = Path.of("model.pkl");
		final ScanFormatException e = assertThrows(ScanFormatException.class, () -> FoldingNetWeights
			.of(m, source));
		final String msg = e.getMessage();
		assertTrue(msg.startsWith("model.pkl: "), msg);
		assertTrue(msg.contains("missing key 'encoder.conv2.bias'"), msg);
		assertTrue(msg.contains("'encoder.linear2.weight' has shape (128, 64), expected (128, 128)"),
			msg);
		assertTrue(msg.contains("unexpected key 'encoder.bn1.weight'"), msg);
		assertFalse(msg.contains("folding1"), msg);
	}

	@Test
	void aWeightThatIsNotFiniteIsRefusedWithTheFileKeyAndIndex() {
		final Map<String, TorchCheckpoint.Tensor> m = new LinkedHashMap<>();
		FoldingNetWeights.expectedShapes(2).forEach((k, s) -> m.put(k, zeros(s)));
		m.get("encoder.mlp1.0.weight").data()[7] = Float.NaN;
		final ScanFormatException e = assertThrows(ScanFormatException.class, () -> FoldingNetWeights.of(m, Path.of("model")));
		assertTrue(e.getMessage().startsWith("model: ") && e.getMessage().contains("'encoder.mlp1.0.weight' holds NaN at flat index 7"),
			e.getMessage());
	}

	@Test
	void badGridLayerNamesBothAllowedShapes() {
		final Map<String, TorchCheckpoint.Tensor> m = new LinkedHashMap<>();
		FoldingNetWeights.expectedShapes(2).forEach((k, s) -> m.put(k, zeros(s)));
		m.put("decoder.folding1.0.weight", zeros(new int[] { 512, 516, 1 }));
		final ScanFormatException e = assertThrows(ScanFormatException.class, () -> FoldingNetWeights
			.of(m, null));
		assertTrue(e.getMessage().contains("(512, 514, 1) for a 2-D grid or (512, 515, 1)"), e
			.getMessage());
	}

	@Test
	void prefixedAndPlainDuplicatesAreReported() {
		final Map<String, TorchCheckpoint.Tensor> m = new LinkedHashMap<>();
		FoldingNetWeights.expectedShapes(2).forEach((k, s) -> m.put(k, zeros(s)));
		m.put("module.encoder.conv1.bias", zeros(new int[] { 128 }));
		final ScanFormatException e = assertThrows(ScanFormatException.class, () -> FoldingNetWeights
			.of(m, null));
		assertTrue(e.getMessage().contains("both with and without 'module.'"), e.getMessage());
	}

	private static TorchCheckpoint.Tensor zeros(final int[] shape) {
		return new TorchCheckpoint.Tensor(shape, new float[(int) Shapes.count(shape)]);
	}
}
