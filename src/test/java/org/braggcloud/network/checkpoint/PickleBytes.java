package org.braggcloud.network.checkpoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Hand-assembled pickle opcodes and torch.save-like archives for tests. */
final class PickleBytes {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	PickleBytes() {
		op(0x80).op(2);
	}

	PickleBytes op(final int code) {
		out.write(code);
		return this;
	}

	PickleBytes global(final String module, final String name) {
		op('c');
		out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
		return this;
	}

	PickleBytes str(final String s) {
		final byte[] b = s.getBytes(StandardCharsets.UTF_8);
		op('X').int32(b.length);
		out.writeBytes(b);
		return this;
	}

	PickleBytes integer(final int v) {
		return op('J').int32(v);
	}

	/** {@code (int, int, ...)} as MARK ... TUPLE. */
	PickleBytes tuple(final int... values) {
		op('(');
		for (final int v : values) integer(v);
		return op('t');
	}

	/** {@code key: _rebuild_tensor_v2(('storage', torch.<type>, storageKey, 'cpu', numel), ...)}. */
	PickleBytes tensor(final String key, final String type, final String storageKey,
		final int numel, final int offset, final int[] size, final int[] stride)
	{
		str(key).global("torch._utils", "_rebuild_tensor_v2").op('(');
		op('(').str("storage").global("torch", type).str(storageKey).str("cpu").integer(numel)
			.op('t').op('Q');
		integer(offset).tuple(size).tuple(stride).op(0x89);
		global("collections", "OrderedDict").op(')').op('R');
		return op('t').op('R');
	}

	private PickleBytes int32(final int v) {
		for (int i = 0; i < 4; i++) out.write(v >>> (8 * i));
		return this;
	}

	byte[] bytes() {
		return out.toByteArray();
	}

	/** A zip with the given entries (name to content), as torch.save lays it out. */
	static Path zip(final Path file, final Map<String, byte[]> entries) throws IOException {
		try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
			for (final Map.Entry<String, byte[]> e : entries.entrySet()) {
				z.putNextEntry(new ZipEntry(e.getKey()));
				z.write(e.getValue());
				z.closeEntry();
			}
		}
		return file;
	}
}
