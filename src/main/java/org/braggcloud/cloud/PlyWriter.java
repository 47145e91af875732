package org.braggcloud.cloud;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a {@link PointCloud} as a PLY file: {@code element vertex n} with float {@code x y z} and,
 * unless left out, float {@code intensity} (the point value). Binary little-endian is the default
 * because it is compact, exact and what most tools (numpy, Open3D, MeshLab) read fastest; ASCII
 * writes each float with its shortest exact decimal, so it round-trips too.
 */
public final class PlyWriter {

	private PlyWriter() {
	}

	/** Writes binary little-endian with intensities. */
	public static void write(final Path file, final PointCloud cloud) throws IOException {
		write(file, cloud, PlyFormat.BINARY_LITTLE_ENDIAN, true);
	}

	/** Writes in {@code format} with intensities. */
	public static void write(final Path file, final PointCloud cloud, final PlyFormat format) throws IOException {
		write(file, cloud, format, true);
	}

	/**
	 * Writes in {@code format}; {@code withIntensity} false gives the positions-only files the
	 * paper fed to its network.
	 */
	public static void write(final Path file, final PointCloud cloud, final PlyFormat format,
		final boolean withIntensity) throws IOException
	{
		final StringBuilder h = new StringBuilder();
		h.append("ply\n");
		h.append("format ").append(format.keyword()).append(" 1.0\n");
		h.append("comment written by Bragg Cloud\n");
		h.append("element vertex ").append(cloud.size()).append('\n');
		h.append("property float x\nproperty float y\nproperty float z\n");
		if (withIntensity)
			h.append("property float intensity\n");
		h.append("end_header\n");
		final float[] p = cloud.positions();
		final float[] v = cloud.values();
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
			out.write(h.toString().getBytes(StandardCharsets.US_ASCII));
			if (format == PlyFormat.ASCII)
				writeAscii(out, p, v, withIntensity);
			else
				writeBinary(out, p, v, withIntensity, format);
		}
	}

	private static void writeAscii(final OutputStream out, final float[] p, final float[] v,
		final boolean withIntensity) throws IOException
	{
		final StringBuilder line = new StringBuilder(64);
		for (int i = 0; i < v.length; i++) {
			line.setLength(0);
			line.append(p[3 * i]).append(' ').append(p[3 * i + 1]).append(' ').append(p[3 * i + 2]);
			if (withIntensity)
				line.append(' ').append(v[i]);
			line.append('\n');
			out.write(line.toString().getBytes(StandardCharsets.US_ASCII));
		}
	}

	private static void writeBinary(final OutputStream out, final float[] p, final float[] v,
		final boolean withIntensity, final PlyFormat format) throws IOException
	{
		final int stride = withIntensity ? 16 : 12;
		final ByteBuffer b = ByteBuffer.allocate(stride * 4096).order(format.order());
		for (int i = 0; i < v.length; i++) {
			if (b.remaining() < stride) {
				out.write(b.array(), 0, b.position());
				b.clear();
			}
			b.putFloat(p[3 * i]).putFloat(p[3 * i + 1]).putFloat(p[3 * i + 2]);
			if (withIntensity)
				b.putFloat(v[i]);
		}
		out.write(b.array(), 0, b.position());
	}
}
