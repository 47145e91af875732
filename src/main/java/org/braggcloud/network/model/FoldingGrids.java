package org.braggcloud.network.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.braggcloud.network.FoldingGrid;
import org.braggcloud.network.checkpoint.NpyArray;
import org.braggcloud.scan.ScanFormatException;

/**
 * The decoder's fixed point set by name ({@code plane}, {@code sphere}, {@code gaussian}; see
 * {@link FoldingGrid}) or from a {@code .npy} file of shape (M, 2) or (M, 3), such as the
 * paper's own sphere.npy and gaussian.npy.
 */
public final class FoldingGrids {

	/** A grid and its dimension (2 for the plane, 3 for point sets in space). */
	public record Grid(float[] points, int dimension) {}

	private FoldingGrids() {}

	public static Grid resolve(final String grid) throws IOException {
		if (grid.equalsIgnoreCase("plane")) return new Grid(FoldingGrid.plane(), 2);
		if (grid.equalsIgnoreCase("sphere")) return new Grid(FoldingGrid.sphere(), 3);
		if (grid.equalsIgnoreCase("gaussian")) return new Grid(FoldingGrid.gaussian(), 3);
		final Path file = Path.of(grid);
		if (grid.toLowerCase().endsWith(".npy") && Files.isRegularFile(file)) {
			final NpyArray a = NpyArray.read(file);
			if (a.shape().length != 2 || (a.shape()[1] != 2 && a.shape()[1] != 3))
				throw new ScanFormatException(file, "shape", "a grid must have shape (M, 2) or (M, 3), found " + java.util.Arrays.toString(a.shape()));
			return new Grid(a.data(), a.shape()[1]);
		}
		throw new IllegalArgumentException("grid '" + grid + "': expected 'plane', 'sphere', 'gaussian' or the path of a .npy grid file (the paper's sphere.npy or gaussian.npy)");
	}
}
