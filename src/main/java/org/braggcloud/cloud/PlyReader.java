package org.braggcloud.cloud;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.braggcloud.scan.ScanFormatException;

/**
 * Reads the vertices of a PLY file (ASCII, binary little- or big-endian, any scalar property
 * types) as a {@link PointCloud}.
 * <p>
 * Clouds come from many tools, so the reader takes what it needs and skips the rest: extra vertex
 * properties (normals, colours) and other elements (faces, edges, with their list properties)
 * are stepped over by their declared types. The point value is the first of the properties
 * {@code intensity}, {@code count}, {@code value} that is present, else 1. Every problem is a
 * {@link ScanFormatException} naming the file, the header field or element, and what is wrong.
 */
public final class PlyReader {

	/** Property names that carry the point value, in order of preference. */
	private static final String[] VALUE_NAMES = {"intensity", "count", "value"};

	private PlyReader() {
	}

	/** Reads the vertex element of {@code file}. */
	public static PointCloud read(final Path file) throws IOException {
		final byte[] bytes = Files.readAllBytes(file);
		final PlyHeader header = PlyHeader.parse(file, bytes);
		int vertexElement = -1;
		for (int e = 0; e < header.elements.size(); e++) {
			if (header.elements.get(e).name().equals("vertex")) {
				vertexElement = e;
				break;
			}
		}
		if (vertexElement < 0)
			throw new ScanFormatException(file, "element vertex", "the file has no vertex element");
		final PlyHeader.Element vertex = header.elements.get(vertexElement);
		final int[] columns = new int[4];
		final String[] xyz = {"x", "y", "z"};
		for (int d = 0; d < 3; d++) {
			columns[d] = vertex.indexOf(xyz[d]);
			if (columns[d] < 0)
				throw new ScanFormatException(file, "element vertex", "missing property '" + xyz[d] + "'");
			if (vertex.properties().get(columns[d]).isList())
				throw new ScanFormatException(file, "property " + xyz[d], "is a list, expected a scalar");
		}
		columns[3] = -1;
		for (final String name : VALUE_NAMES) {
			final int c = vertex.indexOf(name);
			if (c >= 0 && !vertex.properties().get(c).isList()) {
				columns[3] = c;
				break;
			}
		}
		if (vertex.count() > Integer.MAX_VALUE / 3)
			throw new ScanFormatException(file, "element vertex", "too many vertices: " + vertex.count());
		// one rule for every command: a cloud has points (an empty file is a failed export)
		if (vertex.count() == 0) throw new ScanFormatException(file, "element vertex", "holds no points; expected a cloud of one point or more");
		final int n = (int) vertex.count();
		final float[] positions = new float[3 * n];
		final float[] values = new float[n];
		final Body body = header.format == PlyFormat.ASCII ? new AsciiBody(bytes, header.bodyOffset)
			: new BinaryBody(ByteBuffer.wrap(bytes).order(header.format.order()), header.bodyOffset);
		for (int e = 0; e < vertexElement; e++) {
			final PlyHeader.Element el = header.elements.get(e);
			for (long i = 0; i < el.count(); i++)
				readInstance(file, body, el, i, null);
		}
		final double[] row = new double[vertex.properties().size()];
		for (int i = 0; i < n; i++) {
			readInstance(file, body, vertex, i, row);
			for (int d = 0; d < 3; d++) {
				final float v = (float) row[columns[d]];
				if (!Float.isFinite(v))
					throw new ScanFormatException(file, "property " + xyz[d], "vertex " + i + " has a non-finite value " + v);
				positions[3 * i + d] = v;
			}
			values[i] = columns[3] < 0 ? 1f : (float) row[columns[3]];
		}
		return PointCloud.of(positions, values);
	}

	/** Reads instance {@code i} of {@code el}; scalar values go to {@code row} when it is non-null. */
	private static void readInstance(final Path file, final Body body, final PlyHeader.Element el, final long i,
		final double[] row) throws ScanFormatException
	{
		int p = 0;
		try {
			for (; p < el.properties().size(); p++) {
				final PlyHeader.Property prop = el.properties().get(p);
				if (prop.isList()) {
					final double count = body.next(prop.countType());
					if (count < 0 || count != Math.rint(count))
						throw new ScanFormatException(file, "element " + el.name(), "instance " + i +
							": list '" + prop.name() + "' has invalid length " + count);
					body.skip(prop.type(), (long) count);
				}
				else if (row != null) {
					row[p] = body.next(prop.type());
				}
				else {
					body.skip(prop.type(), 1);
				}
			}
		}
		catch (final NumberFormatException e) {
			throw new ScanFormatException(file, "element " + el.name(), "instance " + i + ", property '" +
				el.properties().get(p).name() + "': not a number (" + e.getMessage() + ")");
		}
		catch (final BufferUnderflowException e) {
			throw new ScanFormatException(file, "element " + el.name(), "truncated data: the file ends in instance " +
				i + " of " + el.count() + " (property '" + el.properties().get(p).name() + "')");
		}
	}

	/** Sequential access to the values of a PLY body, whatever its encoding. */
	private interface Body {

		/** The next value, read as {@code type}; BufferUnderflowException at the end. */
		double next(PlyType type);

		/** Steps over {@code count} values of {@code type}. */
		void skip(PlyType type, long count);
	}

	private static final class BinaryBody implements Body {

		private final ByteBuffer buffer;

		BinaryBody(final ByteBuffer buffer, final int offset) {
			this.buffer = buffer;
			buffer.position(offset);
		}

		@Override
		public double next(final PlyType type) {
			return type.read(buffer);
		}

		@Override
		public void skip(final PlyType type, final long count) {
			final long to = buffer.position() + count * type.bytes();
			if (to > buffer.limit())
				throw new BufferUnderflowException();
			buffer.position((int) to);
		}
	}

	/** Whitespace-separated tokens; line structure is not needed once the header gives the counts. */
	private static final class AsciiBody implements Body {

		private final byte[] bytes;
		private int pos;

		AsciiBody(final byte[] bytes, final int offset) {
			this.bytes = bytes;
			this.pos = offset;
		}

		private String token() {
			while (pos < bytes.length && bytes[pos] <= ' ')
				pos++;
			if (pos >= bytes.length)
				throw new BufferUnderflowException();
			final int start = pos;
			while (pos < bytes.length && bytes[pos] > ' ')
				pos++;
			return new String(bytes, start, pos - start, StandardCharsets.US_ASCII);
		}

		@Override
		public double next(final PlyType type) {
			return Double.parseDouble(token());
		}

		@Override
		public void skip(final PlyType type, final long count) {
			for (long k = 0; k < count; k++)
				token();
		}
	}
}
