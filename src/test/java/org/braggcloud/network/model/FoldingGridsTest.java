package org.braggcloud.network.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.braggcloud.network.checkpoint.NpyArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The keywords sphere and gaussian mean the paper's own files, read from the plugin's jar. */
class FoldingGridsTest {

	private static final Path PAPER_GRIDS = Path.of("test-images", "paper-grids").toAbsolutePath();

	@ParameterizedTest
	@ValueSource(strings = { "sphere", "gaussian", "Gaussian" })
	void keywordIsThePapersFile(final String name) throws Exception {
		final FoldingGrids.Grid grid = FoldingGrids.resolve(name);
		final NpyArray file = NpyArray.read(PAPER_GRIDS.resolve(name.toLowerCase() + ".npy"));
		assertEquals(3, grid.dimension());
		assertEquals(2025 * 3, grid.points().length);
		// the paper's network casts its float64 grid to float32, as we do
		assertArrayEquals(file.data(), grid.points());
	}

	@Test
	void aFileGridIsReadAndAPlaneIsComputed() throws Exception {
		assertArrayEquals(FoldingGrids.resolve("gaussian").points(),
			FoldingGrids.resolve(PAPER_GRIDS.resolve("gaussian.npy").toString()).points());
		assertEquals(2, FoldingGrids.resolve("plane").dimension());
		assertEquals("plane", FoldingGrids.defaultFor(2));
		assertEquals("gaussian", FoldingGrids.defaultFor(3));
	}

	@Test
	void unknownGridIsRefusedWithTheChoices() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FoldingGrids.resolve("torus"));
		assertTrue(e.getMessage().contains("'torus'") && e.getMessage().contains("gaussian"), e.getMessage());
	}
}
