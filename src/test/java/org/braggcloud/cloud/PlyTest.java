package org.braggcloud.cloud;

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
import java.util.SplittableRandom;

import org.braggcloud.scan.ScanFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlyTest {

	@TempDir
	Path dir;

	private static PointCloud cloud() {
		final SplittableRandom rng = new SplittableRandom(1);
		final float[] p = new float[3 * 500];
		final float[] v = new float[500];
		for (int i = 0; i < p.length; i++)
			p[i] = (float) (100 * rng.nextGaussian());
		for (int i = 0; i < v.length; i++)
			v[i] = (float) (rng.nextDouble() * 1e-3);
		p[0] = Float.MIN_VALUE;
		p[1] = -0f;
		p[2] = 1e30f;
		return PointCloud.of(p, v);
	}

	@Test
	void roundTripsEveryFormat() throws IOException {
		final PointCloud c = cloud();
		for (final PlyFormat f : PlyFormat.values()) {
			final Path file = dir.resolve(f.keyword() + ".ply");
			PlyWriter.write(file, c, f);
			final PointCloud back = PlyReader.read(file);
			assertArrayEquals(c.positions(), back.positions(), f.keyword());
			assertArrayEquals(c.values(), back.values(), f.keyword());
		}
		final Path def = dir.resolve("default.ply");
		PlyWriter.write(def, c);
		assertTrue(new String(Files.readAllBytes(def), 0, 60, StandardCharsets.US_ASCII)
			.contains("format binary_little_endian 1.0"));
		assertEquals(16 * 500, Files.size(def) - header(def));
	}

	private static int header(final Path file) throws IOException {
		final String s = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
		return s.indexOf("end_header\n") + "end_header\n".length();
	}

	@Test
	void positionsOnlyReadsAsValueOne() throws IOException {
		final Path file = dir.resolve("xyz.ply");
		PlyWriter.write(file, cloud(), PlyFormat.ASCII, false);
		final PointCloud back = PlyReader.read(file);
		assertArrayEquals(cloud().positions(), back.positions());
		for (final float v : back.values())
			assertEquals(1f, v);
	}

	@Test
	void anEmptyCloudIsRefusedNamingTheFile() throws IOException {
		// every command reads PLY through this reader, so Denoise, Render and Extract Features agree
		final Path file = dir.resolve("pixel_001_002.ply");
		PlyWriter.write(file, PointCloud.empty(), PlyFormat.BINARY_BIG_ENDIAN);
		final ScanFormatException e = assertThrows(ScanFormatException.class, () -> PlyReader.read(file));
		assertTrue(e.getMessage().contains("pixel_001_002.ply") && e.getMessage().contains("holds no points"), e.getMessage());
	}

	@Test
	void asciiWithExtraPropertiesAndFaces() throws IOException {
		final String text = "ply\r\n" +
			"format ascii 1.0\n" +
			"comment made by hand\n" +
			"obj_info nothing\n" +
			"element vertex 3\n" +
			"property double x\n" +
			"property uchar red\n" +
			"property float32 y\n" +
			"property list uchar int neighbours\n" +
			"property float z\n" +
			"property int count\n" +
			"element face 2\n" +
			"property list uchar int vertex_indices\n" +
			"end_header\n" +
			"1.5 255 2 2 7 8 3 10\n" +
			"-1 0 -2 0 -3 20\n" +
			"4e2 1 5 1 9 6 30\n" +
			"3 0 1 2\n" +
			"3 2 1 0\n";
		final Path file = dir.resolve("hand.ply");
		Files.write(file, text.getBytes(StandardCharsets.US_ASCII));
		final PointCloud c = PlyReader.read(file);
		assertArrayEquals(new float[] {1.5f, 2, 3, -1, -2, -3, 400, 5, 6}, c.positions());
		assertArrayEquals(new float[] {10, 20, 30}, c.values());
	}

	@Test
	void bigEndianWithEveryTypeAndAFaceElementFirst() throws IOException {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(("ply\nformat binary_big_endian 1.0\n" +
			"element face 2\nproperty list uint8 uint vertex_indices\nproperty char flag\n" +
			"element vertex 2\n" +
			"property short x\nproperty int y\nproperty float64 z\nproperty uint16 intensity\n" +
			"property uint tag\nproperty int8 small\nproperty ushort value\nproperty double nx\n" +
			"element edge 1\nproperty int a\n" +
			"end_header\n").getBytes(StandardCharsets.US_ASCII));
		final ByteBuffer b = ByteBuffer.allocate(200).order(ByteOrder.BIG_ENDIAN);
		b.put((byte) 3).putInt(0).putInt(1).putInt(0).put((byte) -1);
		b.put((byte) 0).put((byte) 5);
		b.putShort((short) -7).putInt(70000).putDouble(0.25).putShort((short) 65535).putInt(-1).put((byte) -3)
			.putShort((short) 9).putDouble(1);
		b.putShort((short) 8).putInt(-2).putDouble(-1e3).putShort((short) 12).putInt(5).put((byte) 3)
			.putShort((short) 9).putDouble(1);
		b.putInt(42);
		out.write(b.array(), 0, b.position());
		final Path file = dir.resolve("be.ply");
		Files.write(file, out.toByteArray());
		final PointCloud c = PlyReader.read(file);
		assertArrayEquals(new float[] {-7, 70000, 0.25f, 8, -2, -1000}, c.positions());
		// intensity (unsigned 16 bit) wins over value.
		assertArrayEquals(new float[] {65535, 12}, c.values());
	}

	@Test
	void badFilesNameTheFileAndTheProblem() throws IOException {
		assertBad("not-ply.ply", "PLY\nformat ascii 1.0\nend_header\n", "not a PLY file");
		assertBad("text.ply", "hello world", "not a PLY file");
		assertBad("format.ply", "ply\nformat binary_middle_endian 1.0\nelement vertex 0\nproperty float x\nend_header\n",
			"unsupported format");
		assertBad("noy.ply", "ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\nproperty float z\nend_header\n1 2\n",
			"missing property 'y'");
		assertBad("novertex.ply", "ply\nformat ascii 1.0\nelement face 0\nproperty list uchar int v\nend_header\n",
			"no vertex element");
		assertBad("type.ply", "ply\nformat ascii 1.0\nelement vertex 1\nproperty float128 x\nend_header\n", "unknown type");
		assertBad("noend.ply", "ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\n", "end_header");
		assertBad("shortascii.ply", "ply\nformat ascii 1.0\nelement vertex 2\nproperty float x\nproperty float y\n" +
			"property float z\nend_header\n1 2 3\n4 5\n", "truncated");
		assertBad("nan.ply", "ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\nproperty float y\n" +
			"property float z\nend_header\n1 two 3\n", "not a number");
		final Path full = dir.resolve("full.ply");
		PlyWriter.write(full, cloud());
		final byte[] bytes = Files.readAllBytes(full);
		final Path cut = dir.resolve("cut.ply");
		Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 10));
		final ScanFormatException e = assertThrows(ScanFormatException.class, () -> PlyReader.read(cut));
		assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("cut.ply"), e.getMessage());
		assertTrue(e.getMessage().contains("instance 499"), e.getMessage());
	}

	private void assertBad(final String name, final String content, final String problem) throws IOException {
		final Path file = dir.resolve(name);
		Files.write(file, content.getBytes(StandardCharsets.US_ASCII));
		final ScanFormatException e = assertThrows(ScanFormatException.class, () -> PlyReader.read(file));
		assertTrue(e.getMessage().contains(name), e.getMessage());
		assertTrue(e.getMessage().contains(problem), e.getMessage());
		assertEquals(file, e.file());
	}
}
