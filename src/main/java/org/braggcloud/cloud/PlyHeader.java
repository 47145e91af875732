package org.braggcloud.cloud;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.braggcloud.scan.ScanFormatException;

/**
 * The parsed header of a PLY file: its format, its elements in file order with their properties,
 * and where the body starts. Parsing is strict about what it must understand (magic, format,
 * types) so that a damaged file fails with a message rather than as garbage points.
 */
final class PlyHeader {

	/** One property of an element; {@code countType} is non-null for a list property. */
	record Property(String name, PlyType type, PlyType countType) {

		boolean isList() {
			return countType != null;
		}
	}

	/** One element (e.g. {@code vertex}, {@code face}) with its instance count. */
	record Element(String name, long count, List<Property> properties) {

		/** Position of the property called {@code name}, or -1. */
		int indexOf(final String property) {
			for (int i = 0; i < properties.size(); i++) {
				if (properties.get(i).name().equals(property))
					return i;
			}
			return -1;
		}
	}

	/** A header longer than this is taken as a sign that the file is not a PLY file. */
	private static final int MAX_HEADER_BYTES = 1 << 20;

	final PlyFormat format;
	final List<Element> elements;
	final int bodyOffset;

	private PlyHeader(final PlyFormat format, final List<Element> elements, final int bodyOffset) {
		this.format = format;
		this.elements = elements;
		this.bodyOffset = bodyOffset;
	}

	static PlyHeader parse(final Path file, final byte[] bytes) throws ScanFormatException {
		if (bytes.length < 4 || bytes[0] != 'p' || bytes[1] != 'l' || bytes[2] != 'y' ||
			(bytes[3] != '\n' && bytes[3] != '\r'))
			throw new ScanFormatException(file, "magic", "not a PLY file: it does not start with the line 'ply'");
		PlyFormat format = null;
		final List<Element> elements = new ArrayList<>();
		List<Property> properties = null;
		int pos = 0;
		int lineNo = 0;
		while (true) {
			int end = pos;
			while (end < bytes.length && bytes[end] != '\n' && end - pos < MAX_HEADER_BYTES)
				end++;
			if (end >= bytes.length || end >= MAX_HEADER_BYTES)
				throw new ScanFormatException(file, "header", "no 'end_header' line: the header is incomplete");
			final String line = new String(bytes, pos, end - pos, StandardCharsets.US_ASCII).trim();
			pos = end + 1;
			lineNo++;
			if (lineNo == 1)
				continue;
			final String[] w = line.isEmpty() ? new String[0] : line.split("\\s+");
			if (w.length == 0)
				continue;
			switch (w[0]) {
				case "end_header":
					if (format == null)
						throw new ScanFormatException(file, "format", "the header has no 'format' line");
					return new PlyHeader(format, elements, pos);
				case "comment":
				case "obj_info":
					break;
				case "format":
					if (w.length < 2)
						throw new ScanFormatException(file, "format", "incomplete format line '" + line + "'");
					format = PlyFormat.fromKeyword(w[1]);
					if (format == null)
						throw new ScanFormatException(file, "format", "unsupported format '" + w[1] +
							"'; expected ascii, binary_little_endian or binary_big_endian");
					if (w.length > 2 && !w[2].startsWith("1."))
						throw new ScanFormatException(file, "format", "unsupported PLY version " + w[2]);
					break;
				case "element":
					if (w.length != 3)
						throw new ScanFormatException(file, "element", "malformed line '" + line + "'");
					final long count;
					try {
						count = Long.parseLong(w[2]);
					}
					catch (final NumberFormatException e) {
						throw new ScanFormatException(file, "element " + w[1], "count '" + w[2] + "' is not an integer");
					}
					if (count < 0)
						throw new ScanFormatException(file, "element " + w[1], "negative count " + count);
					properties = new ArrayList<>();
					elements.add(new Element(w[1], count, properties));
					break;
				case "property":
					if (properties == null)
						throw new ScanFormatException(file, "property", "property before any element: '" + line + "'");
					properties.add(property(file, line, w));
					break;
				default:
					throw new ScanFormatException(file, "header", "unknown header line '" + line + "'");
			}
		}
	}

	private static Property property(final Path file, final String line, final String[] w)
		throws ScanFormatException
	{
		if (w.length >= 2 && w[1].equals("list")) {
			if (w.length != 5)
				throw new ScanFormatException(file, "property", "malformed list property '" + line + "'");
			return new Property(w[4], type(file, w[4], w[3]), type(file, w[4], w[2]));
		}
		if (w.length != 3)
			throw new ScanFormatException(file, "property", "malformed property '" + line + "'");
		return new Property(w[2], type(file, w[2], w[1]), null);
	}

	private static PlyType type(final Path file, final String property, final String word)
		throws ScanFormatException
	{
		final PlyType t = PlyType.parse(word);
		if (t == null)
			throw new ScanFormatException(file, "property " + property, "unknown type '" + word + "'");
		return t;
	}
}
