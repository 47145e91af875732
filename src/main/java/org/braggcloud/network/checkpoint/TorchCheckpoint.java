package org.braggcloud.network.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.braggcloud.scan.ScanFormatException;

/**
 * Reads the tensors of a PyTorch state_dict saved by {@code torch.save} (the zip format of
 * PyTorch 1.6 and later) without Python and without running any code from the file: the pickle
 * goes through {@link RestrictedUnpickler}, and the tensor values are read from the raw storage
 * entries of the zip.
 */
public final class TorchCheckpoint {

	/** A dense tensor: its shape and its values in row-major order, converted to float. */
	public record Tensor(int[] shape, float[] data) implements java.io.Serializable {}

	private static final byte[] LEGACY_MAGIC = { (byte) 0x80, 0x02, (byte) 0x8a, 0x0a, 0x6c,
		(byte) 0xfc, (byte) 0x9c, 0x46, (byte) 0xf9, 0x20, 0x6a, (byte) 0xa8, 0x50, 0x19 };

	private final Path file;
	private final ZipFile zip;
	private final String prefix;
	private final ByteOrder order;
	private final Map<String, byte[]> storages = new HashMap<>();

	private TorchCheckpoint(final Path file, final ZipFile zip) throws IOException {
		this.file = file;
		this.zip = zip;
		this.prefix = prefix();
		this.order = byteOrder();
	}

	/** The state_dict's tensors by name, in file order. */
	public static Map<String, Tensor> read(final Path file) throws IOException {
		checkSignature(file);
		try (ZipFile zip = new ZipFile(file.toFile())) {
			return new TorchCheckpoint(file, zip).tensors();
		}
		catch (final ZipException e) {
			throw new ScanFormatException(file, null, "not a readable zip archive: " + e.getMessage(), e);
		}
	}

	private static void checkSignature(final Path file) throws IOException {
		final byte[] head = new byte[LEGACY_MAGIC.length];
		int n;
		try (InputStream in = Files.newInputStream(file)) {
			n = in.readNBytes(head, 0, head.length);
		}
		if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) return;
		if (n >= 1 && head[0] == (byte) 0x80) {
			final boolean legacy = n == head.length && Arrays.equals(head, LEGACY_MAGIC);
			throw new ScanFormatException(file, null, (legacy
				? "this is the legacy torch.save format of PyTorch before 1.6"
				: "this is a plain pickle, not a torch.save zip archive") +
				", which cannot be read safely; re-save it with PyTorch 1.6 or later: " +
				"torch.save(torch.load('old.pkl'), 'new.pkl')");
		}
		throw new ScanFormatException(file, null,
			"not a PyTorch checkpoint (expected the zip archive written by torch.save)");
	}

	private Map<String, Tensor> tensors() throws IOException {
		final String pickleEntry = prefix + "/data.pkl";
		final Object root = RestrictedUnpickler.load(bytes(pickleEntry), file, pickleEntry);
		if (!(root instanceof Map<?, ?> dict)) {
			throw new ScanFormatException(file, pickleEntry,
				"the checkpoint holds no dictionary of tensors (save model.state_dict())");
		}
		final Map<String, Tensor> out = new LinkedHashMap<>();
		for (final Map.Entry<?, ?> e : dict.entrySet()) {
			final String key = String.valueOf(e.getKey());
			if (!(e.getValue() instanceof TensorRef ref)) {
				throw new ScanFormatException(file, key, "is not a tensor; the file must be a " +
					"state_dict (torch.save(model.state_dict(), path))");
			}
			out.put(key, tensor(key, ref));
		}
		return out;
	}

	private Tensor tensor(final String key, final TensorRef ref) throws IOException {
		final int[] shape = ref.size();
		final long count = Shapes.count(shape);
		if (count < 0) throw new ScanFormatException(file, key, "tensor is too large");
		checkContiguous(key, shape, ref.stride());
		final StorageRef s = ref.storage();
		if (ref.offset() + count > s.numel()) {
			throw new ScanFormatException(file, key, "tensor " + Shapes.text(shape) + " at offset " +
				ref.offset() + " runs past its storage of " + s.numel() + " elements");
		}
		final byte[] raw = storage(s);
		final ByteBuffer b = ByteBuffer.wrap(raw).order(order);
		b.position((int) (ref.offset() * s.type().width()));
		return new Tensor(shape, s.type().decode(b, (int) count));
	}

	private void checkContiguous(final String key, final int[] shape, final long[] stride)
		throws ScanFormatException
	{
		long expected = 1;
		for (int i = shape.length - 1; i >= 0; i--) {
			if (shape[i] != 1 && stride[i] != expected) {
				throw new ScanFormatException(file, key, "tensor " + Shapes.text(shape) +
					" is not contiguous (stride " + Arrays.toString(stride) +
					"); save tensor.contiguous() instead");
			}
			expected *= shape[i];
		}
	}

	private byte[] storage(final StorageRef s) throws IOException {
		final byte[] cached = storages.get(s.key());
		if (cached != null) return cached;
		final String name = prefix + "/data/" + s.key();
		final byte[] raw = bytes(name);
		if (raw.length < s.numel() * s.type().width()) {
			throw new ScanFormatException(file, name, "storage holds " + raw.length + " bytes, " +
				"but " + s.numel() + " elements of torch." + s.type().className() + " need " + s
					.numel() * s.type().width());
		}
		storages.put(s.key(), raw);
		return raw;
	}

	private byte[] bytes(final String name) throws IOException {
		final ZipEntry entry = zip.getEntry(name);
		if (entry == null) {
			throw new ScanFormatException(file, name, "entry missing from the checkpoint archive");
		}
		try (InputStream in = zip.getInputStream(entry)) {
			return in.readAllBytes();
		}
	}

	/** The archive's top folder: torch.save puts everything under {@code <name>/}. */
	private String prefix() throws ScanFormatException {
		final Enumeration<? extends ZipEntry> entries = zip.entries();
		while (entries.hasMoreElements()) {
			final String name = entries.nextElement().getName();
			final int slash = name.indexOf('/');
			if (slash > 0 && name.substring(slash).equals("/data.pkl")) return name.substring(0, slash);
		}
		throw new ScanFormatException(file, "data.pkl",
			"no '<name>/data.pkl' entry: this zip archive was not written by torch.save");
	}

	private ByteOrder byteOrder() throws IOException {
		final String name = prefix + "/byteorder";
		if (zip.getEntry(name) == null) return ByteOrder.LITTLE_ENDIAN;
		final String text = new String(bytes(name), StandardCharsets.US_ASCII).trim();
		if (text.equals("little")) return ByteOrder.LITTLE_ENDIAN;
		if (text.equals("big")) return ByteOrder.BIG_ENDIAN;
		throw new ScanFormatException(file, name, "unknown byte order '" + text + "'");
	}
}
