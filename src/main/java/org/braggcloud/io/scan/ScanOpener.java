package org.braggcloud.io.scan;

import ij.ImagePlus;
import ij.io.Opener;
import ij.process.ImageProcessor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.braggcloud.scan.FrameFiles;
import org.braggcloud.scan.FrameFormat;
import org.braggcloud.scan.FrameOrder;
import org.braggcloud.scan.FrameSource;
import org.braggcloud.scan.RockingScan;
import org.braggcloud.scan.ScanDescriptor;
import org.braggcloud.scan.ScanFormatException;
import org.braggcloud.scan.ScanGrid;
import org.braggcloud.scan.XrfMap;

/**
 * Opens the scan a descriptor names: checks that every frame file exists and holds nx * ny frames
 * of one detector size, and reads the XRF maps. Frames themselves stay on disk.
 */
public final class ScanOpener {

	private ScanOpener() {}

	/** Reads {@code scan.json} and opens the scan it describes. */
	public static RockingScan open(final Path descriptorFile) throws IOException {
		return open(ScanDescriptorReader.read(descriptorFile));
	}

	public static RockingScan open(final ScanDescriptor descriptor) throws IOException {
		final List<FrameSource> sources = new ArrayList<>();
		try {
			final FrameFiles frames = descriptor.frames();
			final ScanGrid grid = descriptor.grid();
			for (int a = 0; a < frames.files().size(); a++) {
				final String field = "frames.files[" + a + "]";
				final FrameSource source = openFrames(frames, frames.files().get(a), field);
				sources.add(source);
				if (source.frameCount() != grid.pointCount())
					throw new ScanFormatException(source.file(), field, source.frameCount() + " frames; expected nx * ny = " + grid.nx() + " * " + grid.ny() + " = " + grid.pointCount() + " (one per scan point)");
				final FrameSource first = sources.get(0);
				if (source.rows() != first.rows() || source.columns() != first.columns())
					throw new ScanFormatException(source.file(), field, "detector size " + source.rows() + " rows x " + source.columns() + " columns differs from " + first.rows() + " x " + first.columns() + " in " + first.file().getFileName() + " (angle 0)");
			}
			final List<XrfMap> xrf = new ArrayList<>();
			for (int a = 0; a < descriptor.xrfFiles().size(); a++)
				xrf.add(readXrf(descriptor.xrfFiles().get(a), "xrf.files[" + a + "]", grid));
			return new RockingScan(descriptor, sources, xrf);
		}
		catch (final IOException | RuntimeException e) {
			for (final FrameSource s : sources) {
				try {
					s.close();
				}
				catch (final IOException suppressed) {
					e.addSuppressed(suppressed);
				}
			}
			throw e;
		}
	}

	private static FrameSource openFrames(final FrameFiles frames, final Path file, final String field) throws IOException {
		final FrameSource source;
		if (frames.format() == FrameFormat.HDF5) source = Hdf5FrameFile.open(file, frames.dataset(), field);
		else if (frames.order() == FrameOrder.COLUMNS) source = TiffColumnFile.open(file, field);
		else source = TiffFrameFile.open(file, field);
		return frames.flipVertical() ? new FlippedFrameSource(source) : source;
	}

	/** Reads a 2D XRF map of ny rows by nx columns. */
	static XrfMap readXrf(final Path file, final String field, final ScanGrid grid) throws IOException {
		if (!Files.isRegularFile(file)) throw new ScanFormatException(file, field, Files.isDirectory(file) ? "is a folder; expected an XRF map file" : "file not found");
		final String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
		if (name.endsWith(".tif") || name.endsWith(".tiff")) TiffChain.check(file, field);
		final ImagePlus imp = new Opener().openImage(file.toString());
		if (imp == null) throw new ScanFormatException(file, field, "not an image ImageJ can read; expected a 2D TIFF of " + grid.ny() + " rows x " + grid.nx() + " columns");
		if (imp.getStackSize() != 1 || imp.getWidth() != grid.nx() || imp.getHeight() != grid.ny())
			throw new ScanFormatException(file, field, "image is " + imp.getWidth() + " x " + imp.getHeight() + " x " + imp.getStackSize() + "; expected one plane of nx = " + grid.nx() + " columns by ny = " + grid.ny() + " rows");
		final ImageProcessor ip = imp.getProcessor();
		final float[] values = new float[grid.pointCount()];
		for (int i = 0; i < values.length; i++)
			values[i] = ip.getf(i);
		return new XrfMap(grid.nx(), grid.ny(), values);
	}
}
