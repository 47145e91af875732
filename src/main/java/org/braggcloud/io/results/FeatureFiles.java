package org.braggcloud.io.results;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.braggcloud.io.CalibratedImages;

/**
 * The two feature files every feature step writes: {@code features.csv} (one row per cloud,
 * {@code name} then one column per feature) and, for clouds of a scan, {@code features.tif} (a
 * 32-bit stack with one ny x nx slice per feature, NaN where no cloud was made).
 */
public final class FeatureFiles {

	private FeatureFiles() {}

	public static void writeCsv(final Path file, final List<NamedClouds.Entry> clouds, final float[][] rows,
		final String[] columns) throws IOException
	{
		try (Writer w = Files.newBufferedWriter(file)) {
			final StringBuilder line = new StringBuilder("name");
			for (final String c : columns) line.append(',').append(c);
			w.write(line.append('\n').toString());
			for (int i = 0; i < rows.length; i++) {
				line.setLength(0);
				line.append(clouds.get(i).name());
				for (final float v : rows[i]) line.append(',').append(v);
				w.write(line.append('\n').toString());
			}
		}
	}

	/** One slice per feature, named by its column, calibrated with the scan step. */
	public static ImagePlus stack(final NamedClouds input, final float[][] rows, final String[] columns) {
		final ImageStack stack = new ImageStack(input.nx(), input.ny());
		for (int f = 0; f < columns.length; f++) {
			final float[] plane = new float[input.nx() * input.ny()];
			Arrays.fill(plane, Float.NaN);
			for (int i = 0; i < rows.length; i++)
				plane[input.clouds().get(i).y() * input.nx() + input.clouds().get(i).x()] = rows[i][f];
			stack.addSlice(columns[f], new FloatProcessor(input.nx(), input.ny(), plane));
		}
		final double step = input.stepUm();
		return CalibratedImages.calibrate(new ImagePlus("features", stack), Double.isNaN(step) ? 0 : step, "um");
	}
}
