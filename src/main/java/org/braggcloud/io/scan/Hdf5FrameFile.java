package org.braggcloud.io.scan;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.OrderedDataType;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.braggcloud.scan.PixelType;
import org.braggcloud.scan.ScanFormatException;

/**
 * Frames in an HDF5 dataset of shape (frames, rows, columns), read through jhdf (contiguous or
 * chunked storage, deflate and the other filters jhdf knows). Only the requested frames are read.
 * <p>
 * Two fast paths avoid jhdf's general slicing, which builds nested Java arrays element by
 * element: contiguous data is read straight from its file offset, and chunked data is decoded
 * chunk by chunk from jhdf's decompressed chunk bytes (the chunks of the last frame range read
 * are kept, so consecutive blocks do not decompress a chunk twice).
 */
final class Hdf5FrameFile extends FrameFile {

	private final HdfFile hdf;
	private final Dataset dataset;
	private final ByteOrder order;
	private final long contiguousAddress;
	private final FileChannel channel;
	private final int[] chunk;
	/** Chunks compressed by deflate alone (HDF5 filter 1): inflated here, without jhdf's per-chunk buffers. */
	private final boolean deflateOnly;
	/** HDF5's filter id of the Fletcher32 checksum. */
	private static final int FLETCHER32 = 3;
	/** Whether each chunk carries a Fletcher32 checksum, checked before its bytes are used. */
	private final boolean verified;
	private final java.util.zip.Inflater inflater = new java.util.zip.Inflater();
	private int cachedChunkFrame = -1;
	private final java.util.Map<Long, byte[]> cachedChunks = new java.util.HashMap<>();

	private Hdf5FrameFile(final Path path, final HdfFile hdf, final Dataset dataset, final int[] dims, final PixelType type) throws IOException {
		super(path, dims[0], dims[1], dims[2], type);
		this.hdf = hdf;
		this.dataset = dataset;
		this.order = dataset.getDataType() instanceof OrderedDataType o ? o.getByteOrder() : null;
		long address = -1;
		if (order != null && dataset instanceof ContiguousDataset c && dataset.getFilters().isEmpty()) {
			try {
				address = c.getDataAddress();
			}
			catch (final RuntimeException e) {
				address = -1; // no storage allocated: fall back to jhdf's reader (fill values)
			}
		}
		this.contiguousAddress = address;
		this.channel = address >= 0 ? FileChannel.open(path, StandardOpenOption.READ) : null;
		this.chunk = order != null && dataset instanceof ChunkedDataset cd && cd.getChunkDimensions().length == 3 ? cd.getChunkDimensions() : null;
		this.deflateOnly = dataset.getFilters().size() == 1 && dataset.getFilters().get(0).getId() == 1;
		final List<io.jhdf.filter.PipelineFilterWithData> filters = dataset.getFilters();
		int fletcher = -1;
		for (int i = 0; i < filters.size(); i++)
			if (filters.get(i).getId() == FLETCHER32) fletcher = i;
		// writers put the checksum last, over the stored bytes; jhdf itself does not verify it
		if (fletcher >= 0 && (fletcher != filters.size() - 1 || chunk == null))
			throw new ScanFormatException(path, dataset.getPath(), "has a Fletcher32 checksum that is not the last filter of 3-D chunks, so it cannot be "
				+ "verified; rewrite the file with the checksum last (h5py does)");
		this.verified = fletcher >= 0;
	}

	/**
	 * Opens the frames dataset of an HDF5 file.
	 *
	 * @param field the descriptor entry that named the file, for error messages
	 */
	static Hdf5FrameFile open(final Path path, final String datasetPath, final String field) throws IOException {
		if (!Files.isRegularFile(path)) throw new ScanFormatException(path, field, Files.isDirectory(path) ? "is a folder; expected an HDF5 frame file" : "file not found");
		if (!Files.isReadable(path)) throw new ScanFormatException(path, field, "file is not readable");
		final HdfFile hdf = Hdf5Files.open(path, field, "an HDF5 file of frames");
		try {
			if (!(lookup(hdf, datasetPath) instanceof Dataset ds))
				throw new ScanFormatException(path, "frames.dataset", "no dataset '" + datasetPath + "' in this file; datasets present: " + datasetList(hdf));
			final int[] dims = ds.getDimensions();
			if (dims.length != 3)
				throw new ScanFormatException(path, datasetPath, "dataset has " + dims.length + " dimensions " + Arrays.toString(dims) + "; expected 3: (frames, rows, columns)");
			FrameFile.checkSize(path, datasetPath, "a frame", dims[1], dims[2]);
			return new Hdf5FrameFile(path, hdf, ds, dims, pixelType(path, ds.getDataType(), datasetPath));
		}
		catch (final IOException | RuntimeException e) {
			hdf.close();
			throw e;
		}
	}

	private static Node lookup(final HdfFile hdf, final String datasetPath) {
		try {
			return hdf.getByPath(datasetPath);
		}
		catch (final RuntimeException e) {
			return null; // jhdf signals a missing path by an exception
		}
	}

	private static String datasetList(final HdfFile hdf) {
		final List<String> names = new ArrayList<>();
		collect(hdf, names);
		return names.isEmpty() ? "(none)" : String.join(", ", names);
	}

	private static void collect(final Group group, final List<String> names) {
		for (final Node child : group.getChildren().values()) {
			if (child instanceof Dataset ds) names.add(ds.getPath().replaceFirst("^/", "") + " " + Arrays.toString(ds.getDimensions()));
			else if (child instanceof Group g) collect(g, names);
		}
	}

	private static PixelType pixelType(final Path path, final DataType dt, final String datasetPath) throws ScanFormatException {
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
	public void read(final int first, final int count, final float[][] dest, final int offset) throws IOException {
		try {
			if (channel != null) {
				readContiguous(first, count, dest, offset);
				return;
			}
			if (chunk != null) {
				synchronized (this) {
					readChunked(first, count, dest, offset);
				}
				return;
			}
		}
		catch (final HdfException e) {
			// A chunk jhdf cannot hand out raw (e.g. never written: fill value): use its general reader.
		}
		readSlices(first, count, dest, offset);
	}

	private void readContiguous(final int first, final int count, final float[][] dest, final int offset) throws IOException {
		final int plane = rows() * columns(), bpp = pixelType().bytes();
		final long frameBytes = (long) plane * bpp;
		final int perRead = (int) Math.max(1, (4 << 20) / frameBytes);
		final ByteBuffer buf = ByteBuffer.allocate((int) (Math.min(perRead, count) * frameBytes)).order(order);
		for (int f = 0; f < count; f += perRead) {
			final int n = Math.min(perRead, count - f);
			buf.clear().limit((int) (n * frameBytes));
			long pos = contiguousAddress + (first + f) * frameBytes;
			while (buf.hasRemaining()) {
				final int got = channel.read(buf, pos);
				if (got < 0) throw new ScanFormatException(file(), dataset.getPath(), "file ends inside the frame data (truncated file?)");
				pos += got;
			}
			for (int k = 0; k < n; k++)
				RawPixels.decode(buf, (int) (k * frameBytes), pixelType(), plane, dest[f + k], offset);
		}
	}

	private void readChunked(final int first, final int count, final float[][] dest, final int offset) throws ScanFormatException {
		final int rows = rows(), columns = columns(), bpp = pixelType().bytes();
		final int cf = chunk[0], cr = chunk[1], cc = chunk[2];
		final float[] run = new float[cc];
		for (int fc = (first / cf) * cf; fc < first + count; fc += cf) {
			if (fc != cachedChunkFrame) {
				cachedChunks.clear();
				cachedChunkFrame = fc;
			}
			for (int rc = 0; rc < rows; rc += cr)
				for (int ccol = 0; ccol < columns; ccol += cc) {
					final long key = (long) rc * columns + ccol;
					byte[] bytes = cachedChunks.get(key);
					if (bytes == null) {
						bytes = decompressedChunk(new int[] { fc, rc, ccol }, cf * cr * cc * bpp);
						cachedChunks.put(key, bytes);
					}
					final ByteBuffer buf = ByteBuffer.wrap(bytes).order(order);
					final int f0 = Math.max(first, fc), f1 = Math.min(first + count, Math.min(fc + cf, frameCount()));
					final int r1 = Math.min(rc + cr, rows), width = Math.min(cc, columns - ccol);
					for (int f = f0; f < f1; f++)
						for (int r = rc; r < r1; r++) {
							// Chunks are stored whole, edge chunks too: index within the full chunk shape.
							final int at = (((f - fc) * cr + (r - rc)) * cc) * bpp;
							RawPixels.decode(buf, at, pixelType(), width, run, 0);
							System.arraycopy(run, 0, dest[f - first], offset + r * columns + ccol, width);
						}
				}
		}
	}

	private byte[] decompressedChunk(final int[] offset, final int size) throws ScanFormatException {
		final ChunkedDataset chunked = (ChunkedDataset) dataset;
		if (verified) verify(chunked.getRawChunkBuffer(offset), offset);
		if (!deflateOnly) return chunked.getDecompressedChunk(offset);
		final ByteBuffer raw = chunked.getRawChunkBuffer(offset);
		final byte[] out = new byte[size];
		inflater.reset();
		inflater.setInput(raw);
		try {
			int n = 0;
			while (n < size && !inflater.finished()) {
				final int got = inflater.inflate(out, n, size - n);
				if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
				n += got;
			}
			if (n != size) throw new HdfException("chunk at " + java.util.Arrays.toString(offset) + " inflates to " + n + " bytes, expected " + size);
		}
		catch (final java.util.zip.DataFormatException e) {
			throw new HdfException("chunk at " + java.util.Arrays.toString(offset) + " is not valid deflate data: " + e.getMessage());
		}
		return out;
	}

	/**
	 * Checks a stored chunk against the Fletcher32 sum in its last 4 bytes (HDF5's H5_checksum_fletcher32:
	 * 16-bit big-endian words, sums folded every 360 words; the sum is stored little-endian, or, by
	 * HDF5 1.6 writers, byte-reversed, which HDF5 accepts too).
	 */
	private void verify(final ByteBuffer stored, final int[] offset) throws ScanFormatException {
		final ByteBuffer b = stored.duplicate();
		final int n = b.remaining() - 4;
		if (n < 0) throw corrupt(offset, "is " + b.remaining() + " bytes, too short to hold its checksum");
		final int base = b.position();
		long sum1 = 0, sum2 = 0;
		int i = 0;
		for (int words = n / 2; words > 0;) {
			int run = Math.min(words, 360);
			words -= run;
			for (; run > 0; run--, i += 2) {
				sum1 += ((b.get(base + i) & 0xff) << 8) | (b.get(base + i + 1) & 0xff);
				sum2 += sum1;
			}
			sum1 = (sum1 & 0xffff) + (sum1 >>> 16);
			sum2 = (sum2 & 0xffff) + (sum2 >>> 16);
		}
		if ((n & 1) != 0) {
			sum1 += (b.get(base + i) & 0xff) << 8;
			sum2 += sum1;
			sum1 = (sum1 & 0xffff) + (sum1 >>> 16);
			sum2 = (sum2 & 0xffff) + (sum2 >>> 16);
		}
		sum1 = (sum1 & 0xffff) + (sum1 >>> 16);
		sum2 = (sum2 & 0xffff) + (sum2 >>> 16);
		final long computed = (sum2 << 16) | sum1;
		final long little = (b.get(base + n) & 0xffL) | (b.get(base + n + 1) & 0xffL) << 8 | (b.get(base + n + 2) & 0xffL) << 16
			| (b.get(base + n + 3) & 0xffL) << 24;
		final long reversed = Long.reverseBytes(little) >>> 32;
		if (computed != little && computed != reversed)
			throw corrupt(offset, String.format(java.util.Locale.ROOT, "fails its Fletcher32 checksum (stored %08x, computed %08x)", little, computed));
	}

	private ScanFormatException corrupt(final int[] offset, final String what) {
		return new ScanFormatException(file(), dataset.getPath(), "chunk at frame " + offset[0] + ", row " + offset[1] + ", column " + offset[2] + " " + what
			+ "; the file is damaged: read it again from its source");
	}

	/** jhdf's general reader: slower (nested arrays), but handles every storage layout. */
	private void readSlices(final int first, final int count, final float[][] dest, final int offset) throws IOException {
		final int rows = rows(), columns = columns();
		final Object data;
		try {
			synchronized (this) { // jhdf files are not documented as thread-safe
				data = dataset.getData(new long[] { first, 0, 0 }, new int[] { count, rows, columns });
			}
		}
		catch (final RuntimeException e) {
			throw new ScanFormatException(file(), dataset.getPath(), "could not read frames " + first + ".." + (first + count - 1) + " (" + e.getMessage() + ")", e);
		}
		for (int f = 0; f < count; f++) {
			final Object frame = Array.get(data, f);
			for (int r = 0; r < rows; r++)
				copyRow(Array.get(frame, r), dest[f], offset + r * columns, columns);
		}
	}

	private void copyRow(final Object row, final float[] out, final int at, final int columns) {
		if (row instanceof float[] a) System.arraycopy(a, 0, out, at, columns);
		else if (row instanceof int[] a) for (int c = 0; c < columns; c++) out[at + c] = a[c];
		else if (row instanceof short[] a) for (int c = 0; c < columns; c++) out[at + c] = a[c];
		else if (row instanceof long[] a) for (int c = 0; c < columns; c++) out[at + c] = a[c];
		else if (row instanceof byte[] a) {
			final boolean unsigned = pixelType() == PixelType.UINT8;
			for (int c = 0; c < columns; c++) out[at + c] = unsigned ? a[c] & 0xff : a[c];
		}
		else throw new IllegalStateException("Unexpected HDF5 row type " + row.getClass());
	}

	@Override
	public void close() throws IOException {
		inflater.end();
		try {
			hdf.close();
		}
		finally {
			if (channel != null) channel.close();
		}
	}
}
