package org.braggcloud.scan;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Bad scan input: names the file, the field within it and what was expected, so that a user can
 * fix the input without reading code.
 */
public class ScanFormatException extends IOException {

	private static final long serialVersionUID = 1L;

	private final Path file;
	private final String field;

	public ScanFormatException(final Path file, final String field, final String problem) {
		this(file, field, problem, null);
	}

	public ScanFormatException(final Path file, final String field, final String problem,
		final Throwable cause)
	{
		super(message(file, field, problem), cause);
		this.file = file;
		this.field = field;
	}

	/** The file at fault; may be null when the fault is not in a file (e.g. a parameter). */
	public Path file() {
		return file;
	}

	/** The field at fault (a JSON path, an HDF5 dataset, a TIFF property); may be null. */
	public String field() {
		return field;
	}

	private static String message(final Path file, final String field, final String problem) {
		final StringBuilder sb = new StringBuilder();
		if (file != null) sb.append(file).append(": ");
		if (field != null && !field.isEmpty()) sb.append('\'').append(field).append("': ");
		return sb.append(problem).toString();
	}
}
