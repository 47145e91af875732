package org.braggcloud.analysis;

import java.io.IOException;
import java.nio.file.Path;

import org.braggcloud.io.OutputFolder;
import org.braggcloud.io.scan.ScanLayout;
import org.braggcloud.scan.PixelType;
import org.braggcloud.simulation.SampleModel;
import org.braggcloud.simulation.SimulatedScanWriter;

/** Writes simulated scans for tests and keeps the model for its ground truth. */
public final class SimulatedScans {

	private SimulatedScans() {}

	/** 15 angles, 0.1 degree apart, centred on the nominal Bragg condition. */
	public static double[] angles(final int n) {
		final double[] a = new double[n];
		for (int i = 0; i < n; i++)
			a[i] = Math.round((i - (n - 1) / 2.0) * 0.1 * 1e9) / 1e9;
		return a;
	}

	public static SampleModel model(final long seed, final double maxDrift) {
		return model(seed, maxDrift, 40, 30);
	}

	public static SampleModel model(final long seed, final double maxDrift, final int nx, final int ny) {
		return SampleModel.builder().nx(nx).ny(ny).detectorRows(48).detectorColumns(48).anglesDeg(angles(15)).domains(4)
			.maxDriftPx(maxDrift).seed(seed).build();
	}

	public static Path write(final SampleModel model, final long seed, final Path folder, final ScanLayout layout) throws IOException {
		try (OutputFolder out = OutputFolder.create(folder, false, "output")) {
			SimulatedScanWriter.write(model, seed, layout, PixelType.UINT16, false, 2, out, org.braggcloud.progress.ProgressListener.NONE);
			out.commit();
		}
		return folder.resolve("scan.json");
	}
}
