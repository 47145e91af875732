package org.braggcloud.network.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.braggcloud.network.FoldingGrid;
import org.braggcloud.network.checkpoint.NpyArray;
import org.braggcloud.scan.ScanFormatException;

/**
 * The decoder's fixed point set by name or from a {@code .npy} file of shape (M, 2) or (M, 3).
 * {@code plane} is computed as the paper's code computes it ({@link FoldingGrid#plane});
 * {@code sphere} and {@code gaussian} are the paper's own random point sets, shipped inside the
 * plugin as the files its code loads (sphere.npy, gaussian.npy), so a model trained with them by
 * the paper's code decodes the same here.
 */
public final class FoldingGrids {

	/** A grid and its dimension (2 for the plane, 3 for point sets in space). */
	public record Grid(float[] points, int dimension) {}

	/** The 3-D grid a checkpoint that records none is taken to use: the paper's run used it. */
	public static final String PAPER_GRID = "gaussian";

	private FoldingGrids() {}

	public static Grid resolve(final String grid) throws IOException {
		final String name = grid.trim().toLowerCase(Locale.ROOT);
		if (name.equals("plane")) return new Grid(FoldingGrid.plane(), 2);
		if (name.equals("sphere") || name.equals("gaussian")) return shipped(name);
		final Path file = Path.of(grid);
		if (name.endsWith(".npy") && Files.isRegularFile(file)) return checked(file, NpyArray.read(file));
		throw new IllegalArgumentException("grid '" + grid + "': expected 'plane', 'sphere', 'gaussian' or the path of a .npy grid file");
	}

	/** The name of the grid a checkpoint of the given dimension is decoded with when none is said. */
	public static String defaultFor(final int dimension) {
		return dimension == 2 ? "plane" : PAPER_GRID;
	}

	private static Grid shipped(final String name) throws IOException {
		final String resource = "grids/" + name + ".npy";
		try (InputStream in = FoldingGrids.class.getResourceAsStream("/org/braggcloud/network/grids/" + name + ".npy")) {
			if (in == null) throw new IOException("the plugin's " + resource + " is missing from its jar");
			return checked(Path.of(resource), NpyArray.parse(Path.of(resource), in.readAllBytes()));
		}
	}

	private static Grid checked(final Path file, final NpyArray a) throws ScanFormatException {
		if (a.shape().length != 2 || (a.shape()[1] != 2 && a.shape()[1] != 3))
			throw new ScanFormatException(file, "shape", "a grid must have shape (M, 2) or (M, 3), found " + java.util.Arrays.toString(a.shape()));
		final float[] v = a.data();
		for (int i = 0; i < v.length; i++)
			if (!Float.isFinite(v[i]))
				throw new ScanFormatException(file, "point " + i / a.shape()[1], "holds " + v[i] + "; a grid's coordinates must be finite");
		return new Grid(v, a.shape()[1]);
	}
}
