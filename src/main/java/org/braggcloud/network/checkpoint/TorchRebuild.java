package org.braggcloud.network.checkpoint;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;

import org.braggcloud.scan.ScanFormatException;

/**
 * What the restricted unpickler does for REDUCE and BINPERSID: the Java stand-ins for the few
 * Python functions a state_dict pickle calls, with their arguments checked instead of trusted.
 */
final class TorchRebuild {

	private TorchRebuild() {}

	/** REDUCE: applies an allowed callable to its argument tuple. */
	static Object call(final Object callable, final List<?> args, final Path file,
		final String entry) throws ScanFormatException
	{
		if (!(callable instanceof PickleCallable c)) {
			throw new ScanFormatException(file, entry, "the pickle calls " + describe(callable) +
				", which is not an allowed function");
		}
		switch (c) {
			case ORDERED_DICT:
				if (!args.isEmpty()) throw bad(file, entry, c, "expected no arguments");
				return new LinkedHashMap<>();
			case REBUILD_PARAMETER:
				if (args.size() < 1 || !(args.get(0) instanceof TensorRef)) {
					throw bad(file, entry, c, "expected a tensor as first argument");
				}
				return args.get(0);
			default:
				return tensor(args, file, entry);
		}
	}

	/** BINPERSID: {@code ('storage', torch.XStorage, key, location, numel)}. */
	static StorageRef persistentId(final Object pid, final Path file, final String entry)
		throws ScanFormatException
	{
		if (!(pid instanceof List<?> t) || t.size() != 5 || !"storage".equals(t.get(0)) || !(t.get(
			1) instanceof TorchStorageType type) || !(t.get(2) instanceof String key) || !(t.get(
				4) instanceof Long numel) || numel < 0)
		{
			throw new ScanFormatException(file, entry, "unexpected persistent id " + pid +
				"; expected ('storage', torch.<Type>Storage, key, location, numel)");
		}
		return new StorageRef(type, key, numel);
	}

	private static TensorRef tensor(final List<?> args, final Path file, final String entry)
		throws ScanFormatException
	{
		final PickleCallable c = PickleCallable.REBUILD_TENSOR_V2;
		if (args.size() < 4) throw bad(file, entry, c, "expected at least 4 arguments");
		if (!(args.get(0) instanceof StorageRef storage)) {
			throw bad(file, entry, c, "the first argument is not a storage");
		}
		if (!(args.get(1) instanceof Long offset) || offset < 0) {
			throw bad(file, entry, c, "the storage offset is not a non-negative integer");
		}
		final long[] size = longs(args.get(2), file, entry, "size");
		final long[] stride = longs(args.get(3), file, entry, "stride");
		if (size.length != stride.length) throw bad(file, entry, c, "size and stride differ in length");
		final int[] shape = new int[size.length];
		for (int i = 0; i < size.length; i++) {
			if (size[i] < 0 || size[i] > Integer.MAX_VALUE) throw bad(file, entry, c, "bad size");
			shape[i] = (int) size[i];
		}
		return new TensorRef(storage, offset, shape, stride);
	}

	private static long[] longs(final Object tuple, final Path file, final String entry,
		final String what) throws ScanFormatException
	{
		if (!(tuple instanceof List<?> list)) {
			throw bad(file, entry, PickleCallable.REBUILD_TENSOR_V2, "the " + what + " is not a tuple");
		}
		final long[] out = new long[list.size()];
		for (int i = 0; i < out.length; i++) {
			if (!(list.get(i) instanceof Long v)) {
				throw bad(file, entry, PickleCallable.REBUILD_TENSOR_V2, "the " + what +
					" holds a non-integer");
			}
			out[i] = v;
		}
		return out;
	}

	private static String describe(final Object o) {
		if (o instanceof TorchStorageType t) return "torch." + t.className();
		return o == null ? "None" : "a " + o.getClass().getSimpleName();
	}

	private static ScanFormatException bad(final Path file, final String entry,
		final PickleCallable c, final String problem)
	{
		return new ScanFormatException(file, entry, c.qualifiedName() + ": " + problem);
	}
}
