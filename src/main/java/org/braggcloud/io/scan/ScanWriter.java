package org.braggcloud.io.scan;

import org.braggcloud.io.OutputFolder;
import org.braggcloud.io.TiffImageFile;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableGroup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.braggcloud.io.CalibratedImages;
import org.braggcloud.parallel.ParallelLoop;
import org.braggcloud.progress.ProgressListener;
import org.braggcloud.scan.DetectorSpec;
import org.braggcloud.scan.ExperimentGeometry;
import org.braggcloud.scan.FrameFiles;
import org.braggcloud.scan.PixelType;
import org.braggcloud.scan.ScanDescriptor;
import org.braggcloud.scan.ScanGrid;

/**
 * Writes a rocking scan in any {@link ScanLayout}: frame files, optional XRF maps and
 * {@code scan.json}. Frames come from a generator, one angle at a time, so a large scan is
 * streamed to disk in the frame layout (the column layout and HDF5 hold one angle in memory).
 */
public final class ScanWriter {

	/** Produces the counts of one frame, row-major; called from several threads at once. */
	@FunctionalInterface
	public interface FrameGenerator {
		void frame(int angle, int frameIndex, float[] out);
	}

	/** Produces the XRF map (ny x nx, row-major) of one angle. */
	@FunctionalInterface
	public interface XrfGenerator {
		float[] map(int angle);
	}

	private static final int FRAMES_PER_TASK = 64;

	private String name = "scan";
	private ScanGrid grid;
	private double[] anglesDeg;
	private int rows, columns;
	private ScanLayout layout = ScanLayout.TIFF_FRAMES;
	private PixelType pixelType = PixelType.UINT16;
	private DetectorSpec detector = DetectorSpec.UNKNOWN;
	private ExperimentGeometry geometry;
	private boolean flipVertical;
	private String dataset = ScanDescriptorReader.DEFAULT_DATASET;
	private int threads = Runtime.getRuntime().availableProcessors();
	private ProgressListener progress = ProgressListener.NONE;

	public ScanWriter name(final String name) { this.name = name; return this; }
	public ScanWriter grid(final ScanGrid grid) { this.grid = grid; return this; }
	public ScanWriter anglesDeg(final double[] angles) { this.anglesDeg = angles.clone(); return this; }
	public ScanWriter detectorSize(final int rows, final int columns) { this.rows = rows; this.columns = columns; return this; }
	public ScanWriter layout(final ScanLayout layout) { this.layout = layout; return this; }
	public ScanWriter pixelType(final PixelType type) { this.pixelType = type; return this; }
	public ScanWriter detector(final DetectorSpec detector) { this.detector = detector; return this; }
	public ScanWriter geometry(final ExperimentGeometry geometry) { this.geometry = geometry; return this; }
	/** Store frames upside down and say so in the descriptor, as HXN's files are. */
	public ScanWriter flipVertical(final boolean flip) { this.flipVertical = flip; return this; }
	public ScanWriter dataset(final String dataset) { this.dataset = dataset; return this; }
	public ScanWriter threads(final int threads) { this.threads = Math.max(1, threads); return this; }
	public ScanWriter progress(final ProgressListener progress) { this.progress = progress; return this; }

	/**
	 * Writes the scan into {@code out} (files staged until the caller commits) and returns the
	 * descriptor as it will read once committed.
	 *
	 * @param xrf XRF maps, or null for none
	 */
	public ScanDescriptor write(final OutputFolder out, final String descriptorName, final FrameGenerator frames,
		final XrfGenerator xrf) throws IOException
	{
		if (grid == null || anglesDeg == null || rows <= 0 || columns <= 0) throw new IllegalStateException("grid, angles and detector size are required");
		if (layout != ScanLayout.HDF5 && pixelType == PixelType.INT8) throw new IllegalArgumentException("8-bit signed frames are not written to TIFF");
		final List<Path> frameFiles = new ArrayList<>();
		final List<Path> xrfFiles = new ArrayList<>();
		for (int a = 0; a < anglesDeg.length; a++) {
			progress.checkCancelled();
			progress.progress("Writing frames", a, anglesDeg.length);
			final String file = String.format("rock_%03d_diff.%s", a, layout == ScanLayout.HDF5 ? "h5" : "tif");
			writeAngle(frames, a, out.stage(file));
			frameFiles.add(out.finalPath(file));
			if (xrf != null) {
				final String xrfName = String.format("rock_%03d_xrf.tif", a);
				TiffImageFile.write(CalibratedImages.floatImage("XRF " + a, xrf.map(a), grid.nx(), grid.ny(), grid.stepUm(), "um"), out.stage(xrfName));
				xrfFiles.add(out.finalPath(xrfName));
			}
		}
		progress.progress("Writing frames", anglesDeg.length, anglesDeg.length);
		final ScanDescriptor descriptor = new ScanDescriptor(out.finalPath(descriptorName), name, grid, anglesDeg,
			new FrameFiles(layout.format(), layout.order(), frameFiles, layout == ScanLayout.HDF5 ? dataset : null, flipVertical),
			xrfFiles, detector, geometry);
		ScanDescriptorWriter.write(descriptor, out.target(), out.stage(descriptorName));
		return descriptor;
	}

	private void writeAngle(final FrameGenerator frames, final int angle, final Path file) throws IOException {
		final int n = grid.pointCount();
		switch (layout) {
			case TIFF_FRAMES -> {
				try (TiffStackWriter w = new TiffStackWriter(file, columns, rows, pixelType)) {
					for (int first = 0; first < n; first += FRAMES_PER_TASK * threads) {
						final float[][] block = generate(frames, angle, first, Math.min(FRAMES_PER_TASK * threads, n - first));
						for (final float[] f : block)
							w.writePage(f, 0);
					}
				}
			}
			case TIFF_COLUMNS -> {
				final float[][] all = generate(frames, angle, 0, n);
				final float[] page = new float[rows * n];
				try (TiffStackWriter w = new TiffStackWriter(file, n, rows, pixelType)) {
					for (int c = 0; c < columns; c++) {
						for (int r = 0; r < rows; r++)
							for (int p = 0; p < n; p++)
								page[r * n + p] = all[p][r * columns + c];
						w.writePage(page, 0);
					}
				}
			}
			case HDF5 -> writeHdf5(file, generate(frames, angle, 0, n));
		}
	}

	/** Generates frames {@code first .. first + count - 1} in parallel, stored flipped if asked. */
	private float[][] generate(final FrameGenerator frames, final int angle, final int first, final int count) {
		final float[][] out = new float[count][rows * columns];
		ParallelLoop.run(count, threads, FRAMES_PER_TASK, (worker, s, e) -> {
			for (int i = s; i < e; i++) {
				frames.frame(angle, first + i, out[i]);
				if (flipVertical) FlippedFrameSource.flipRows(out[i], 0, rows, columns);
			}
		});
		return out;
	}

	private void writeHdf5(final Path file, final float[][] frames) {
		final Object data = hdf5Array(frames);
		final DatasetCreationOptions.Builder options = DatasetCreationOptions.builder()
			.chunkDimensions(1, rows, columns).deflate(4);
		if (pixelType == PixelType.UINT8 || pixelType == PixelType.UINT16 || pixelType == PixelType.UINT32) options.unsigned();
		try (WritableHdfFile hdf = HdfFile.write(file)) {
			WritableGroup group = hdf;
			final String[] parts = dataset.split("/");
			for (int i = 0; i < parts.length - 1; i++)
				if (!parts[i].isEmpty()) group = group.putGroup(parts[i]);
			group.putDataset(parts[parts.length - 1], data, options.build());
		}
	}

	/** Converts frames to the Java array jhdf writes for the pixel type, shape (frames, rows, columns). */
	private Object hdf5Array(final float[][] frames) {
		final int n = frames.length;
		return switch (pixelType) {
			case FLOAT32 -> {
				final float[][][] a = new float[n][rows][columns];
				IntStream.range(0, n).forEach(f -> { for (int r = 0; r < rows; r++) System.arraycopy(frames[f], r * columns, a[f][r], 0, columns); });
				yield a;
			}
			case UINT8, INT8 -> {
				final byte[][][] a = new byte[n][rows][columns];
				final long lo = pixelType == PixelType.UINT8 ? 0 : -128, hi = pixelType == PixelType.UINT8 ? 255 : 127;
				IntStream.range(0, n).forEach(f -> { for (int r = 0; r < rows; r++) for (int c = 0; c < columns; c++) a[f][r][c] = (byte) PixelEncoding.clamp(frames[f][r * columns + c], lo, hi); });
				yield a;
			}
			case UINT16, INT16 -> {
				final short[][][] a = new short[n][rows][columns];
				final long lo = pixelType == PixelType.UINT16 ? 0 : -32768, hi = pixelType == PixelType.UINT16 ? 65535 : 32767;
				IntStream.range(0, n).forEach(f -> { for (int r = 0; r < rows; r++) for (int c = 0; c < columns; c++) a[f][r][c] = (short) PixelEncoding.clamp(frames[f][r * columns + c], lo, hi); });
				yield a;
			}
			case UINT32, INT32 -> {
				final int[][][] a = new int[n][rows][columns];
				final long lo = pixelType == PixelType.UINT32 ? 0 : Integer.MIN_VALUE, hi = pixelType == PixelType.UINT32 ? 4294967295L : Integer.MAX_VALUE;
				IntStream.range(0, n).forEach(f -> { for (int r = 0; r < rows; r++) for (int c = 0; c < columns; c++) a[f][r][c] = (int) PixelEncoding.clamp(frames[f][r * columns + c], lo, hi); });
				yield a;
			}
		};
	}
}
