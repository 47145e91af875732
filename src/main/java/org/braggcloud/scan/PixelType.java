package org.braggcloud.scan;

/** Detector pixel types a scan may store; every reader converts them to 32-bit float counts. */
public enum PixelType {
	UINT8(1), INT8(1), UINT16(2), INT16(2), UINT32(4), INT32(4), FLOAT32(4);

	private final int bytes;

	PixelType(final int bytes) {
		this.bytes = bytes;
	}

	public int bytes() {
		return bytes;
	}

	/** Lower-case name as used in descriptors and command parameters, e.g. {@code uint16}. */
	public String key() {
		return name().toLowerCase();
	}

	public static PixelType fromKey(final String key) {
		for (final PixelType t : values())
			if (t.key().equalsIgnoreCase(key)) return t;
		throw new IllegalArgumentException("Unknown pixel type '" + key + "'; expected one of uint8, uint16, uint32, int32, float32");
	}
}
