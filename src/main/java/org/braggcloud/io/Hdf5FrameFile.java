package org.braggcloud.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.braggcloud.scan.FrameSource;
import org.braggcloud.scan.PixelType;
import org.braggcloud.scan.ScanFormatException;

/**
 * Frames in an HDF5 dataset of shape (frames, rows, columns), read through jhdf (contiguous or
 * chunked storage, deflate and the other filters jhdf knows). Only the requested frames are read.
 */
final class Hdf5FrameFile implements FrameSource {

	private final Path path;
	private final HdfFile hdf;
	private final Dataset dataset;
	private final int frames, rows, columns;
	private final PixelType type;

	Hdf5FrameFile(final Path path, final String datasetPath, final String field) throws IOException {
		if (!Files.isRegularFile(path)) throw new ScanFormatException(path, field, "file not found");
		if (!Files.isReadable(path)) throw new ScanFormatException(path, field, "file is not readable");
		this.path = path;
		try {
			this.hdf = new HdfFile(path);
		}
		catch (final RuntimeException e) {
			throw new ScanFormatException(path, field, "not a readable HDF5 file (" + e.getMessage() + ")", e);
		}
		try {
			final Node node = lookup(datasetPath);
			if (!(node instanceof Dataset ds)) {
				throw new ScanFormatException(path, "frames.dataset", "no dataset '" + datasetPath + "' in this file; datasets present: " + datasetList());
			}
			this.dataset = ds;
			final int[] dims = ds.getDimensions();
			if (dims.length != 3)
				throw new ScanFormatException(path, datasetPath, "dataset has " + dims.length + " dimensions; expected 3: (frames, rows, columns)");
			this.frames = dims[0];
			this.rows = dims[1];
			this.columns = dims[2];
			this.type = pixelType(ds.getDataType(), datasetPath);
		}
		catch (final IOException | RuntimeException e) {
			hdf.close();
			throw e;
		}
	}

	private Node lookup(final String datasetPath) {
		try {
			return hdf.getByPath(datasetPath);
		}
		catch (final RuntimeException e) {
			return null; // jhdf signals a missing path by an exception
		}
	}

	private String datasetList() {
		final List<String> names = new ArrayList<>();
		collect(hdf, names);
		return names.isEmpty() ? "(none)" : String.join(", ", names);
	}

	private static void collect(final Group group, final List<String> names) {
		for (final Node child : group.getChildren().values()) {
			if (child instanceof Dataset ds) names.add(ds.getPath().replaceFirst("^/", "") + " " + java.util.Arrays.toString(ds.getDimensions()));
			else if (child instanceof Group g) collect(g, names);
		}
	}

	private PixelType pixelType(final DataType dt, final String datasetPath) throws ScanFormatException {
		if (dt instanceof FixedPoint fp) {
			final boolean signed = fp.isSigned();
			switch (fp.getSize()) {
				case 1: return signed ? PixelType.INT8 : PixelType.UINT8;
				case 2: return signed ? PixelType.INT16 : PixelType.UINT16;
				case 4: return signed ? PixelType.INT32 : PixelType.UINT32;
				default: break;
			}
		}
		else if (dt instanceof FloatingPoint && dt.getSize() == 4) return PixelType.FLOAT32;
		final String kind = dt instanceof FloatingPoint ? "float" : dt instanceof FixedPoint ? "integer" : dt.getClass().getSimpleName();
		throw new ScanFormatException(path, datasetPath, "unsupported pixel type: " + dt.getSize() * 8 + "-bit " + kind + "; expected 8-, 16- or 32-bit integer or 32-bit float");
	}

	@Override
	public Path file() {
		return path;
	}

	@Override
	public int frameCount() {
		return frames;
	}

	@Override
	public int rows() {
		return rows;
	}

	@Override
	public int columns() {
		return columns;
	}

	@Override
	public PixelType pixelType() {
		return type;
	}

	@Override
	public void read(final int first, final int count, final float[][] dest, final int offset) throws IOException {
		final Object data;
		try {
			synchronized (this) { // jhdf files are not documented as thread-safe
				data = dataset.getData(new long[] { first, 0, 0 }, new int[] { count, rows, columns });
			}
		}
		catch (final RuntimeException e) {
			throw new ScanFormatException(path, dataset.getPath(), "could not read frames " + first + ".." + (first + count - 1) + " (" + e.getMessage() + ")", e);
		}
		for (int f = 0; f < count; f++) {
			final Object frame = Array.get(data, f);
			for (int r = 0; r < rows; r++)
				copyRow(Array.get(frame, r), dest[f], offset + r * columns);
		}
	}

	private void copyRow(final Object row, final float[] out, final int at) {
		if (row instanceof float[] a) System.arraycopy(a, 0, out, at, columns);
		else if (row instanceof int[] a) for (int c = 0; c < columns; c++) out[at + c] = a[c];
		else if (row instanceof short[] a) for (int c = 0; c < columns; c++) out[at + c] = a[c];
		else if (row instanceof long[] a) for (int c = 0; c < columns; c++) out[at + c] = a[c];
		else if (row instanceof byte[] a) for (int c = 0; c < columns; c++) out[at + c] = type == PixelType.UINT8 ? a[c] & 0xff : a[c];
		else throw new IllegalStateException("Unexpected HDF5 row type " + row.getClass());
	}

	@Override
	public void close() {
		hdf.close();
	}
}
