package org.braggcloud.plugin;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes scans without any Bragg Cloud writer: TIFF through ImageJ's own stack writer, HDF5
 * through jhdf directly, the descriptor as hand-made JSON. Keeps the raw counts so that tests
 * can compute expected sums on their own.
 */
final class IndependentScanFiles {

	final int nx, ny, rows, columns, angles;
	/** counts[angle][frame][row * columns + column] */
	final int[][][] counts;

	IndependentScanFiles(final int nx, final int ny, final int rows, final int columns, final int angles, final long seed) {
		this.nx = nx;
		this.ny = ny;
		this.rows = rows;
		this.columns = columns;
		this.angles = angles;
		final SplittableRandom rng = new SplittableRandom(seed);
		counts = new int[angles][nx * ny][rows * columns];
		for (final int[][] a : counts)
			for (final int[] f : a)
				for (int i = 0; i < f.length; i++)
					f[i] = rng.nextInt(100) < 10 ? rng.nextInt(60000) : rng.nextInt(5);
	}

	double[] expectedIntensity() {
		final double[] s = new double[nx * ny];
		for (final int[][] a : counts)
			for (int f = 0; f < s.length; f++)
				for (final int v : a[f])
					s[f] += v;
		return s;
	}

	double[] expectedMeanPattern() {
		final double[] s = new double[rows * columns];
		for (final int[][] a : counts)
			for (final int[] f : a)
				for (int i = 0; i < s.length; i++)
					s[i] += f[i];
		for (int i = 0; i < s.length; i++)
			s[i] /= (double) angles * nx * ny;
		return s;
	}

	/** One ImageJ stack per angle, one 16-bit page per frame. */
	Path writeTiffFrames(final Path dir) throws IOException {
		Files.createDirectories(dir);
		final List<String> files = new ArrayList<>();
		for (int a = 0; a < angles; a++) {
			final ImageStack stack = new ImageStack(columns, rows);
			for (int f = 0; f < nx * ny; f++) {
				final short[] px = new short[rows * columns];
				for (int i = 0; i < px.length; i++)
					px[i] = (short) counts[a][f][i];
				stack.addSlice(new ShortProcessor(columns, rows, px, null));
			}
			final String name = "angle" + a + ".tif";
			new FileSaver(new ImagePlus("a", stack)).saveAsTiffStack(dir.resolve(name).toString());
			files.add(name);
		}
		return descriptor(dir, "\"format\": \"tiff\", \"order\": \"frames\"", files);
	}

	/** The paper's transposed export: one 32-bit page per detector column, rows x scan points. */
	Path writeTiffColumns(final Path dir) throws IOException {
		Files.createDirectories(dir);
		final List<String> files = new ArrayList<>();
		final int points = nx * ny;
		for (int a = 0; a < angles; a++) {
			final ImageStack stack = new ImageStack(points, rows);
			for (int c = 0; c < columns; c++) {
				final float[] px = new float[rows * points];
				for (int r = 0; r < rows; r++)
					for (int p = 0; p < points; p++)
						px[r * points + p] = counts[a][p][r * columns + c];
				stack.addSlice(new FloatProcessor(points, rows, px));
			}
			final String name = "columns_" + a + ".tif";
			new FileSaver(new ImagePlus("c", stack)).saveAsTiffStack(dir.resolve(name).toString());
			files.add(name);
		}
		return descriptor(dir, "\"format\": \"tiff\", \"order\": \"columns\"", files);
	}

	/** HXN-style HDF5, frames stored upside down; chunked with deflate, or contiguous. */
	Path writeHdf5(final Path dir, final boolean chunked) throws IOException {
		Files.createDirectories(dir);
		final List<String> files = new ArrayList<>();
		for (int a = 0; a < angles; a++) {
			final int[][][] data = new int[nx * ny][rows][columns];
			for (int f = 0; f < nx * ny; f++)
				for (int r = 0; r < rows; r++)
					for (int c = 0; c < columns; c++)
						data[f][rows - 1 - r][c] = counts[a][f][r * columns + c];
			final String name = "scan_" + a + ".h5";
			try (WritableHdfFile hdf = HdfFile.write(dir.resolve(name))) {
				final var group = hdf.putGroup("entry").putGroup("instrument").putGroup("detector");
				if (chunked) group.putDataset("data", data, DatasetCreationOptions.builder().chunkDimensions(5, rows, (columns + 1) / 2).deflate(6).build());
				else group.putDataset("data", data);
			}
			files.add(name);
		}
		return descriptor(dir, "\"format\": \"hdf5\", \"dataset\": \"/entry/instrument/detector/data\", \"flip_vertical\": true", files);
	}

	private Path descriptor(final Path dir, final String frames, final List<String> files) throws IOException {
		final StringBuilder angleList = new StringBuilder();
		for (int a = 0; a < angles; a++)
			angleList.append(a == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", -39.7 + 0.1 * a));
		final String json = "{\n  \"name\": \"independent\",\n  \"scan\": {\"nx\": " + nx + ", \"ny\": " + ny + ", \"step_um\": 0.1},\n"
			+ "  \"angles_deg\": [" + angleList + "],\n  \"frames\": {" + frames + ", \"files\": [\""
			+ String.join("\", \"", files) + "\"]},\n  \"detector\": {\"pixel_um\": 55.0, \"distance_um\": 500000.0}\n}\n";
		final Path file = dir.resolve("scan.json");
		Files.writeString(file, json);
		return file;
	}
}
