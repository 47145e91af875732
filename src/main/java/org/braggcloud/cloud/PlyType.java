package org.braggcloud.cloud;

import java.nio.ByteBuffer;

/**
 * The scalar types a PLY property can have, under both their classic names ({@code uchar}) and
 * the sized aliases ({@code uint8}) that other writers use.
 */
enum PlyType {

	CHAR(1, "char", "int8"),
	UCHAR(1, "uchar", "uint8"),
	SHORT(2, "short", "int16"),
	USHORT(2, "ushort", "uint16"),
	INT(4, "int", "int32"),
	UINT(4, "uint", "uint32"),
	FLOAT(4, "float", "float32"),
	DOUBLE(8, "double", "float64");

	private final int bytes;
	private final String name;
	private final String alias;

	PlyType(final int bytes, final String name, final String alias) {
		this.bytes = bytes;
		this.name = name;
		this.alias = alias;
	}

	int bytes() {
		return bytes;
	}

	/** The type called {@code word}, or null if none is. */
	static PlyType parse(final String word) {
		for (final PlyType t : values()) {
			if (t.name.equals(word) || t.alias.equals(word))
				return t;
		}
		return null;
	}

	/** Reads one value at the buffer's position (the buffer's byte order applies). */
	double read(final ByteBuffer b) {
		switch (this) {
			case CHAR:
				return b.get();
			case UCHAR:
				return b.get() & 0xff;
			case SHORT:
				return b.getShort();
			case USHORT:
				return b.getShort() & 0xffff;
			case INT:
				return b.getInt();
			case UINT:
				return b.getInt() & 0xffffffffL;
			case FLOAT:
				return b.getFloat();
			default:
				return b.getDouble();
		}
	}
}
