package org.braggcloud.io.scan;

import org.braggcloud.io.OutputFolder;
import java.io.IOException;
import java.nio.file.Path;

import org.braggcloud.scan.DetectorSpec;
import org.braggcloud.scan.ExperimentGeometry;
import org.braggcloud.scan.PixelType;
import org.braggcloud.scan.ScanDescriptor;
import org.braggcloud.scan.ScanGrid;

/**
 * A small scan whose every voxel value is a known function of (angle, frame, row, column), so a
 * read-back can be checked exactly. Values stay within 0..250 to fit every pixel type.
 */
public final class PatternScan {

	public final int nx, ny, rows, columns, angles;

	public PatternScan(final int nx, final int ny, final int rows, final int columns, final int angles) {
		this.nx = nx;
		this.ny = ny;
		this.rows = rows;
		this.columns = columns;
		this.angles = angles;
	}

	public float value(final int angle, final int frame, final int row, final int column) {
		return (angle * 31 + frame * 7 + row * 3 + column * 5) % 251;
	}

	public void frame(final int angle, final int frame, final float[] out) {
		for (int r = 0; r < rows; r++)
			for (int c = 0; c < columns; c++)
				out[r * columns + c] = value(angle, frame, r, c);
	}

	public double[] anglesDeg() {
		final double[] a = new double[angles];
		for (int i = 0; i < angles; i++)
			a[i] = -0.7 + 0.1 * i;
		return a;
	}

	/** Writes the scan into {@code folder} and returns its descriptor file. */
	public Path write(final Path folder, final ScanLayout layout, final PixelType type, final boolean flip, final boolean xrf) throws IOException {
		try (OutputFolder out = OutputFolder.create(folder, false, "output")) {
			new ScanWriter().name("pattern").grid(new ScanGrid(nx, ny, 0.1)).anglesDeg(anglesDeg())
				.detectorSize(rows, columns).layout(layout).pixelType(type).flipVertical(flip).threads(2)
				.detector(new DetectorSpec(55, 500000)).geometry(new ExperimentGeometry(12, 18.1, 28.5, Double.NaN))
				.write(out, "scan.json", this::frame, xrf ? a -> xrfMap(a) : null);
			out.commit();
		}
		return folder.resolve("scan.json");
	}

	public float[] xrfMap(final int angle) {
		final float[] m = new float[nx * ny];
		for (int i = 0; i < m.length; i++)
			m[i] = angle + i * 0.5f;
		return m;
	}

	public ScanDescriptor descriptorOf(final Path file) throws IOException {
		return ScanDescriptorReader.read(file);
	}
}
