package org.braggcloud.network.checkpoint;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.braggcloud.scan.ScanFormatException;

/**
 * The Python-literal dictionary at the start of a .npy file. It is matched with patterns instead
 * of being evaluated, since it is only ever three known keys.
 */
record NpyHeader(NpyDtype dtype, boolean fortranOrder, int[] shape) {

	private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*(\\S)");
	private static final Pattern DESCR_STRING = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
	private static final Pattern FORTRAN = Pattern.compile(
		"'fortran_order'\\s*:\\s*(True|False)");
	private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

	static NpyHeader parse(final Path file, final String text) throws ScanFormatException {
		final Matcher d = DESCR.matcher(text);
		if (!d.find()) throw new ScanFormatException(file, "descr", "missing from the header");
		if (d.group(1).equals("[")) {
			throw new ScanFormatException(file, "descr",
				"structured (record) dtypes are not supported; save a plain numeric array");
		}
		final Matcher ds = DESCR_STRING.matcher(text);
		if (!ds.find()) throw new ScanFormatException(file, "descr", "is not a dtype string");
		final NpyDtype dtype = NpyDtype.parse(file, ds.group(1));
		final Matcher f = FORTRAN.matcher(text);
		if (!f.find()) {
			throw new ScanFormatException(file, "fortran_order", "missing from the header");
		}
		final Matcher s = SHAPE.matcher(text);
		if (!s.find()) throw new ScanFormatException(file, "shape", "missing from the header");
		return new NpyHeader(dtype, f.group(1).equals("True"), parseShape(file, s.group(1)));
	}

	private static int[] parseShape(final Path file, final String tuple)
		throws ScanFormatException
	{
		final String trimmed = tuple.trim();
		if (trimmed.isEmpty()) return new int[0];
		final String[] parts = trimmed.split(",");
		int n = parts.length;
		if (parts[n - 1].isBlank()) n--; // "(5,)"
		final int[] shape = new int[n];
		for (int i = 0; i < n; i++) {
			try {
				shape[i] = Integer.parseInt(parts[i].trim().replace("L", ""));
			}
			catch (final NumberFormatException e) {
				throw new ScanFormatException(file, "shape", "'(" + tuple + ")' is not a tuple of sizes");
			}
			if (shape[i] < 0) throw new ScanFormatException(file, "shape", "negative size");
		}
		return shape;
	}
}
