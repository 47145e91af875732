package org.braggcloud.cloud;

import java.nio.ByteOrder;

/** The three encodings of a PLY file's body, named as in the header's {@code format} line. */
public enum PlyFormat {

	ASCII("ascii", null),
	BINARY_LITTLE_ENDIAN("binary_little_endian", ByteOrder.LITTLE_ENDIAN),
	BINARY_BIG_ENDIAN("binary_big_endian", ByteOrder.BIG_ENDIAN);

	private final String keyword;
	private final ByteOrder order;

	PlyFormat(final String keyword, final ByteOrder order) {
		this.keyword = keyword;
		this.order = order;
	}

	/** The word in the header's {@code format} line. */
	public String keyword() {
		return keyword;
	}

	/** The byte order of a binary body; null for ASCII. */
	public ByteOrder order() {
		return order;
	}

	/** The format named {@code keyword}, or null if there is none. */
	public static PlyFormat fromKeyword(final String keyword) {
		for (final PlyFormat f : values()) {
			if (f.keyword.equals(keyword))
				return f;
		}
		return null;
	}
}
