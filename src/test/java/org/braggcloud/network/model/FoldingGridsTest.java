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

	@Test
	void aGridFileWithANaNIsRefusedNamingThePoint(@org.junit.jupiter.api.io.TempDir final Path dir) throws Exception {
		final Path grid = npy(dir.resolve("grid.npy"), "(2, 3)", new float[] { 0, 0, 0, 1, Float.NaN, 1 });
		final org.braggcloud.scan.ScanFormatException e = assertThrows(org.braggcloud.scan.ScanFormatException.class,
			() -> FoldingGrids.resolve(grid.toString()));
		assertTrue(e.getMessage().contains("grid.npy") && e.getMessage().contains("point 1") && e.getMessage().contains("NaN"), e.getMessage());
	}

	@Test
	void aGridFileOfTheWrongShapeIsRefusedWithItsShape(@org.junit.jupiter.api.io.TempDir final Path dir) throws Exception {
		final float[] six = { 0, 0, 0, 1, 1, 1 };
		for (final String shape : new String[] { "(6,)", "(3, 2, 1)", "(1, 6)" }) {
			final Path grid = npy(dir.resolve("grid" + shape.length() + ".npy"), shape, six);
			final org.braggcloud.scan.ScanFormatException e = assertThrows(org.braggcloud.scan.ScanFormatException.class,
				() -> FoldingGrids.resolve(grid.toString()), shape);
			assertTrue(e.getMessage().contains(grid.getFileName().toString()) && e.getMessage().contains("(M, 2) or (M, 3)"), e.getMessage());
		}
	}

	/** A little-endian float32 .npy file of the given shape (a Python tuple). */
	private static Path npy(final Path file, final String shape, final float[] values) throws java.io.IOException {
		final String header = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }";
		final int pad = 16 - (10 + header.length() + 1) % 16;
		final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		out.write(new byte[] { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0 });
		final byte[] h = (header + " ".repeat(pad) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		out.write(h.length & 0xff);
		out.write(h.length >> 8);
		out.write(h);
		final java.nio.ByteBuffer v = java.nio.ByteBuffer.allocate(4 * values.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
		for (final float f : values) v.putFloat(f);
		out.write(v.array());
		java.nio.file.Files.write(file, out.toByteArray());
		return file;
	}
}
