package org.braggcloud.network.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.braggcloud.scan.ScanFormatException;

/**
 * A numeric array in NumPy's .npy format (versions 1.0 to 3.0), the exchange format of the
 * paper's grids and of the reference outputs. Values of any numeric dtype are kept in row-major
 * (C) order; 8-byte and 4-byte integer inputs are held as doubles so no precision is lost, and
 * {@link #write} writes float64 for those and float32 otherwise.
 */
public final class NpyArray {

	private static final byte[] MAGIC = { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y' };

	private final int[] shape;
	private final double[] values;
	private final boolean wide;

	/** A float32 array; {@code data} is row-major and must match {@code shape}. */
	public NpyArray(final int[] shape, final float[] data) {
		this(shape, toDouble(data), false);
	}

	/** A float64 array; {@code data} is row-major and must match {@code shape}. */
	public NpyArray(final int[] shape, final double[] data) {
		this(shape, data.clone(), true);
	}

	private NpyArray(final int[] shape, final double[] values, final boolean wide) {
		if (Shapes.count(shape) != values.length) {
			throw new IllegalArgumentException("shape " + Shapes.text(shape) + " needs " + Shapes
				.count(shape) + " values, got " + values.length);
		}
		this.shape = shape.clone();
		this.values = values;
		this.wide = wide;
	}

	public static NpyArray read(final Path file) throws IOException {
		return parse(file, Files.readAllBytes(file));
	}

	/**
	 * An array from the bytes of a .npy file, such as a resource inside the plugin's jar;
	 * {@code source} names it in error messages.
	 */
	public static NpyArray parse(final Path source, final byte[] bytes) throws IOException {
		final Path file = source;
		final ByteBuffer b = ByteBuffer.wrap(bytes);
		for (final byte m : MAGIC) {
			if (!b.hasRemaining() || b.get() != m) {
				throw new ScanFormatException(file, null, "not a NumPy .npy file (no \\x93NUMPY magic)");
			}
		}
		if (b.remaining() < 4) throw new ScanFormatException(file, "header", "file is truncated");
		final int major = b.get() & 0xff;
		b.get(); // minor version: no meaning for reading
		b.order(ByteOrder.LITTLE_ENDIAN);
		final long headerLength;
		if (major == 1) headerLength = b.getShort() & 0xffff;
		else if (major == 2 || major == 3) headerLength = b.getInt() & 0xffffffffL;
		else {
			throw new ScanFormatException(file, "version", "format version " + major +
				".x is not supported (only 1.0, 2.0, 3.0)");
		}
		if (headerLength > b.remaining()) {
			throw new ScanFormatException(file, "header", "file is truncated");
		}
		final byte[] headerBytes = new byte[(int) headerLength];
		b.get(headerBytes);
		final NpyHeader header = NpyHeader.parse(file, new String(headerBytes, major == 3
			? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
		if (header.fortranOrder() && header.shape().length > 1) {
			throw new ScanFormatException(file, "fortran_order",
				"Fortran (column-major) arrays are not supported; save with np.ascontiguousarray(a)");
		}
		final long count = Shapes.count(header.shape());
		if (count < 0) throw new ScanFormatException(file, "shape", "array is too large");
		if (count * header.dtype().width() > b.remaining()) {
			throw new ScanFormatException(file, "data", "file is truncated: shape " + Shapes.text(
				header.shape()) + " needs " + count * header.dtype().width() + " bytes, found " + b
					.remaining());
		}
		final double[] values = header.dtype().decode(b, (int) count);
		return new NpyArray(header.shape(), values, header.dtype().needsDouble());
	}

	/** Writes version 1.0, little-endian float32 (float64 if the array holds doubles). */
	public void write(final Path file) throws IOException {
		final int width = wide ? 8 : 4;
		final String dict = "{'descr': '<f" + width + "', 'fortran_order': False, 'shape': " +
			Shapes.text(shape) + ", }";
		final int unpadded = MAGIC.length + 4 + dict.length() + 1;
		final int padding = (64 - unpadded % 64) % 64;
		final String header = dict + " ".repeat(padding) + "\n";
		final ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 4 + header.length() + values.length *
			width).order(ByteOrder.LITTLE_ENDIAN);
		b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
		b.put(header.getBytes(StandardCharsets.ISO_8859_1));
		for (final double v : values) {
			if (wide) b.putDouble(v);
			else b.putFloat((float) v);
		}
		Files.write(file, b.array());
	}

	public int[] shape() {
		return shape.clone();
	}

	/** The values as float, row-major. */
	public float[] data() {
		final float[] out = new float[values.length];
		for (int i = 0; i < out.length; i++) out[i] = (float) values[i];
		return out;
	}

	/** The values as double, row-major; exact for every dtype except 64-bit integers beyond 2^53. */
	public double[] dataAsDouble() {
		return values.clone();
	}

	private static double[] toDouble(final float[] data) {
		final double[] out = new double[data.length];
		for (int i = 0; i < out.length; i++) out[i] = data[i];
		return out;
	}
}
