package org.braggcloud.network.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.braggcloud.scan.ScanFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyArrayTest {

	private static final Path TEST_IMAGES = Path.of("test-images").toAbsolutePath();

	@TempDir
	Path dir;

	@Test
	void readsExpectedFeaturesFloat32() throws IOException {
		final NpyArray a = NpyArray.read(TEST_IMAGES.resolve(
			"interop/foldingnet-paper-seed1/expected_features.npy"));
		assertArrayEquals(new int[] { 6, 512 }, a.shape());
		assertEquals(6 * 512, a.data().length);
		assertEquals(0.628172f, a.data()[0], 1e-6f);
		assertEquals(1.7065783f, a.data()[6 * 512 - 1], 1e-6f);
	}

	@Test
	void readsPaperGridsFloat64() throws IOException {
		final NpyArray sphere = NpyArray.read(TEST_IMAGES.resolve("paper-grids/sphere.npy"));
		assertArrayEquals(new int[] { 2025, 3 }, sphere.shape());
		assertEquals(-0.29991209314140543, sphere.dataAsDouble()[0], 0);
		assertEquals(0.004390357230101619, sphere.dataAsDouble()[2025 * 3 - 1], 0);
		final NpyArray gaussian = NpyArray.read(TEST_IMAGES.resolve("paper-grids/gaussian.npy"));
		assertArrayEquals(new int[] { 2025, 3 }, gaussian.shape());
		assertEquals(-0.04285472491888837, gaussian.dataAsDouble()[0], 0);
		assertEquals(-0.07960320794766314, gaussian.dataAsDouble()[2025 * 3 - 1], 0);
	}

	@Test
	void roundTripsFloatAndDouble() throws IOException {
		final NpyArray f = new NpyArray(new int[] { 2, 3 }, new float[] { 1, -2, 3.5f, 0, 1e-7f, 9 });
		final Path pf = dir.resolve("f.npy");
		f.write(pf);
		final NpyArray f2 = NpyArray.read(pf);
		assertArrayEquals(f.shape(), f2.shape());
		assertArrayEquals(f.data(), f2.data());
		final NpyArray grid = NpyArray.read(TEST_IMAGES.resolve("paper-grids/gaussian.npy"));
		final Path pd = dir.resolve("d.npy");
		grid.write(pd);
		assertArrayEquals(grid.dataAsDouble(), NpyArray.read(pd).dataAsDouble());
		assertArrayEquals(grid.shape(), NpyArray.read(pd).shape());
	}

	@Test
	void headerIsAlignedAndSingleDimensionsUsePythonTuples() throws IOException {
		final Path p = dir.resolve("v.npy");
		new NpyArray(new int[] { 4 }, new float[] { 1, 2, 3, 4 }).write(p);
		final byte[] b = Files.readAllBytes(p);
		assertEquals(0, (b.length - 16) % 64);
		assertTrue(new String(b, StandardCharsets.ISO_8859_1).contains("'shape': (4,)"));
		assertArrayEquals(new int[] { 4 }, NpyArray.read(p).shape());
	}

	@Test
	void convertsOtherDtypes() throws IOException {
		assertArrayEquals(new float[] { 1.5f, -2 }, read("'>f8'", 1, 2, buffer(16, ByteOrder.BIG_ENDIAN)
			.putDouble(1.5).putDouble(-2)).data());
		assertArrayEquals(new float[] { 1.5f, -2 }, read("'>f4'", 1, 2, buffer(8, ByteOrder.BIG_ENDIAN)
			.putFloat(1.5f).putFloat(-2)).data());
		assertArrayEquals(new float[] { -7, 70000 }, read("'<i4'", 1, 2, buffer(8,
			ByteOrder.LITTLE_ENDIAN).putInt(-7).putInt(70000)).data());
		assertArrayEquals(new double[] { -7, 1L << 40 }, read("'<i8'", 1, 2, buffer(16,
			ByteOrder.LITTLE_ENDIAN).putLong(-7).putLong(1L << 40)).dataAsDouble());
		assertArrayEquals(new float[] { 255, 1 }, read("'|u1'", 1, 2, buffer(2,
			ByteOrder.LITTLE_ENDIAN).put((byte) 255).put((byte) 1)).data());
		assertArrayEquals(new float[] { 65535, 2 }, read("'<u2'", 1, 2, buffer(4,
			ByteOrder.LITTLE_ENDIAN).putShort((short) 0xffff).putShort((short) 2)).data());
		assertArrayEquals(new float[] { 1, -2.5f }, read("'<f2'", 1, 2, buffer(4,
			ByteOrder.LITTLE_ENDIAN).putShort((short) 0x3c00).putShort((short) 0xc100)).data());
	}

	@Test
	void readsVersion2And3Headers() throws IOException {
		for (final int version : new int[] { 2, 3 }) {
			final NpyArray a = read("'<f4'", version, 3, buffer(12, ByteOrder.LITTLE_ENDIAN)
				.putFloat(1).putFloat(2).putFloat(3));
			assertArrayEquals(new float[] { 1, 2, 3 }, a.data());
		}
	}

	@Test
	void refusesFortranOrderObjectsAndTruncation() {
		final Path fortran = write("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", 1,
			new byte[16]);
		assertMessage(fortran, "fortran_order", "Fortran");
		final Path object = write("{'descr': '|O', 'fortran_order': False, 'shape': (2,), }", 1,
			new byte[16]);
		assertMessage(object, "descr", "object arrays");
		final Path shortData = write("{'descr': '<f8', 'fortran_order': False, 'shape': (4,), }", 1,
			new byte[16]);
		assertMessage(shortData, "data", "truncated");
		final Path notNpy = dir.resolve("x.npy");
		assertThrows(ScanFormatException.class, () -> {
			Files.writeString(notNpy, "hello");
			NpyArray.read(notNpy);
		});
	}

	private void assertMessage(final Path file, final String field, final String text) {
		final ScanFormatException e = assertThrows(ScanFormatException.class, () -> NpyArray.read(
			file));
		assertEquals(field, e.field());
		assertTrue(e.getMessage().contains(text), e.getMessage());
		assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
	}

	private static ByteBuffer buffer(final int size, final ByteOrder order) {
		return ByteBuffer.allocate(size).order(order);
	}

	private NpyArray read(final String descr, final int version, final int n, final ByteBuffer body)
		throws IOException
	{
		return NpyArray.read(write("{'descr': " + descr + ", 'fortran_order': False, 'shape': (" +
			n + ",), }", version, body.array()));
	}

	private Path write(final String dict, final int version, final byte[] body) {
		try {
			final ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.write(new byte[] { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) version, 0 });
			final byte[] header = (dict + "\n").getBytes(StandardCharsets.UTF_8);
			final ByteBuffer len = ByteBuffer.allocate(version == 1 ? 2 : 4).order(
				ByteOrder.LITTLE_ENDIAN);
			if (version == 1) len.putShort((short) header.length);
			else len.putInt(header.length);
			out.write(len.array());
			out.write(header);
			out.write(body);
			final Path p = Files.createTempFile(dir, "a", ".npy");
			Files.write(p, out.toByteArray());
			return p;
		}
		catch (final IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
