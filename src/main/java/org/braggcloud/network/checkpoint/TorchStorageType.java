package org.braggcloud.network.checkpoint;

import java.nio.ByteBuffer;

/**
 * The storage classes a checkpoint may name ({@code torch.FloatStorage} and relatives): each says
 * how wide an element is and how to read it. Anything not listed here is refused by the
 * unpickler, so only plain numbers ever reach the network.
 */
enum TorchStorageType {
	FLOAT("FloatStorage", 4), DOUBLE("DoubleStorage", 8), HALF("HalfStorage", 2),
	BFLOAT16("BFloat16Storage", 2), LONG("LongStorage", 8), INT("IntStorage", 4),
	SHORT("ShortStorage", 2), CHAR("CharStorage", 1), BYTE("ByteStorage", 1),
	BOOL("BoolStorage", 1);

	private final String className;
	private final int width;

	TorchStorageType(final String className, final int width) {
		this.className = className;
		this.width = width;
	}

	/** The type named {@code torch.<name>}, or null. */
	static TorchStorageType forClassName(final String name) {
		for (final TorchStorageType t : values()) {
			if (t.className.equals(name)) return t;
		}
		return null;
	}

	String className() {
		return className;
	}

	int width() {
		return width;
	}

	/** Reads {@code count} elements from the buffer's position, converted to float. */
	float[] decode(final ByteBuffer b, final int count) {
		final float[] out = new float[count];
		for (int i = 0; i < count; i++) out[i] = next(b);
		return out;
	}

	private float next(final ByteBuffer b) {
		return switch (this) {
			case FLOAT -> b.getFloat();
			case DOUBLE -> (float) b.getDouble();
			case HALF -> HalfFloat.toFloat(b.getShort());
			case BFLOAT16 -> Float.intBitsToFloat((b.getShort() & 0xffff) << 16);
			case LONG -> b.getLong();
			case INT -> b.getInt();
			case SHORT -> b.getShort();
			case CHAR -> b.get();
			case BYTE -> b.get() & 0xff;
			case BOOL -> b.get() != 0 ? 1 : 0;
		};
	}
}
