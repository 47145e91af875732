package org.braggcloud.io.results;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.braggcloud.cloud.PixelCloud;
import org.braggcloud.cloud.PointCloud;
import org.braggcloud.io.scan.Hdf5Files;
import org.braggcloud.scan.ScanFormatException;

/**
 * All point clouds of a scan in one HDF5 file ({@code clouds.h5}), readable by any HDF5 tool:
 * <pre>
 * /clouds/points   float32 (N, 3)   all points, cloud after cloud
 * /clouds/values   float32 (N)      each point's value (voxel count)
 * /clouds/offsets  int64   (n + 1)  cloud i is rows offsets[i] .. offsets[i+1]-1
 * /clouds/pixel_x  int32   (n)      0-based scan column of cloud i
 * /clouds/pixel_y  int32   (n)      0-based scan row of cloud i
 * attributes of /clouds: format = "bragg-cloud/clouds/1", scan_nx, scan_ny, and the settings
 * that made the clouds (coordinates, threshold, denoise, ...) as strings
 * </pre>
 * In Python: {@code pts = f['clouds/points'][o[i]:o[i+1]]} with {@code o = f['clouds/offsets']}.
 */
public final class CloudContainer {

	public static final String FORMAT = "bragg-cloud/clouds/1";

	private final int nx, ny;
	private final List<PixelCloud> clouds;
	private final Map<String, String> settings;

	public CloudContainer(final int nx, final int ny, final List<PixelCloud> clouds, final Map<String, String> settings) {
		this.nx = nx;
		this.ny = ny;
		this.clouds = List.copyOf(clouds);
		this.settings = new LinkedHashMap<>(settings);
	}

	public int nx() {
		return nx;
	}

	public int ny() {
		return ny;
	}

	public List<PixelCloud> clouds() {
		return clouds;
	}

	public Map<String, String> settings() {
		return settings;
	}

	public void write(final Path file) throws IOException {
		long total = 0;
		for (final PixelCloud c : clouds)
			total += c.cloud().size();
		if (total > Integer.MAX_VALUE) throw new IOException("Too many points for one container: " + total);
		final float[][] points = new float[(int) total][];
		final float[] values = new float[(int) total];
		final long[] offsets = new long[clouds.size() + 1];
		final int[] px = new int[clouds.size()], py = new int[clouds.size()];
		int at = 0;
		for (int i = 0; i < clouds.size(); i++) {
			final PixelCloud c = clouds.get(i);
			final float[] xyz = c.cloud().positions();
			final float[] v = c.cloud().values();
			for (int p = 0; p < v.length; p++) {
				points[at + p] = new float[] { xyz[3 * p], xyz[3 * p + 1], xyz[3 * p + 2] };
				values[at + p] = v[p];
			}
			at += v.length;
			offsets[i + 1] = at;
			px[i] = c.x();
			py[i] = c.y();
		}
		final DatasetCreationOptions compressed = total > 0 ? DatasetCreationOptions.builder().chunkDimensions(Math.min((int) total, 65536), 3).deflate(4).build() : DatasetCreationOptions.DEFAULT;
		try (WritableHdfFile hdf = HdfFile.write(file)) {
			final WritableGroup g = hdf.putGroup("clouds");
			g.putAttribute("format", FORMAT);
			g.putAttribute("scan_nx", nx);
			g.putAttribute("scan_ny", ny);
			for (final Map.Entry<String, String> s : settings.entrySet())
				g.putAttribute(s.getKey(), s.getValue());
			g.putDataset("points", total > 0 ? points : new float[0][3], compressed);
			g.putDataset("values", values);
			g.putDataset("offsets", offsets);
			g.putDataset("pixel_x", px);
			g.putDataset("pixel_y", py);
		}
	}

	public static CloudContainer read(final Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new ScanFormatException(file, null, "cloud container not found");
		try (HdfFile hdf = Hdf5Files.open(file, null, "a clouds.h5 written by Bragg Cloud")) {
			final Node group = hdf.getChild("clouds");
			if (group == null) throw new ScanFormatException(file, "clouds", "no 'clouds' group: not a Bragg Cloud container (" + FORMAT + ")");
			final Map<String, String> settings = new LinkedHashMap<>();
			int nx = 0, ny = 0;
			for (final Map.Entry<String, Attribute> a : group.getAttributes().entrySet()) {
				final Object v = a.getValue().getData();
				final Object scalar = v != null && v.getClass().isArray() ? Array.get(v, 0) : v;
				switch (a.getKey()) {
					case "scan_nx" -> nx = ((Number) scalar).intValue();
					case "scan_ny" -> ny = ((Number) scalar).intValue();
					case "format" -> { if (!FORMAT.equals(String.valueOf(scalar))) throw new ScanFormatException(file, "clouds.format", "unknown format '" + scalar + "'; expected " + FORMAT); }
					default -> settings.put(a.getKey(), String.valueOf(scalar));
				}
			}
			if (nx <= 0 || ny <= 0)
				throw new ScanFormatException(file, "clouds.scan_nx", "scan size " + nx + " x " + ny + "; expected the positive scan_nx and scan_ny attributes of /clouds");
			final Object pointData = dataset(hdf, file, "clouds/points").getData();
			if (!(pointData instanceof float[][] points)) throw shape(file, "clouds/points", "a float32 (N, 3) dataset", pointData);
			final Object valueData = dataset(hdf, file, "clouds/values").getData();
			if (!(valueData instanceof float[] values)) throw shape(file, "clouds/values", "a float32 (N) dataset", valueData);
			final Object offsetData = dataset(hdf, file, "clouds/offsets").getData();
			if (!(offsetData instanceof long[] offsets)) throw shape(file, "clouds/offsets", "an int64 (n + 1) dataset", offsetData);
			final Object xData = dataset(hdf, file, "clouds/pixel_x").getData(), yData = dataset(hdf, file, "clouds/pixel_y").getData();
			if (!(xData instanceof int[] px)) throw shape(file, "clouds/pixel_x", "an int32 (n) dataset", xData);
			if (!(yData instanceof int[] py)) throw shape(file, "clouds/pixel_y", "an int32 (n) dataset", yData);
			check(file, points, values, offsets, px, py, nx, ny);
			final List<PixelCloud> clouds = new ArrayList<>(px.length);
			for (int i = 0; i < px.length; i++) {
				final int from = (int) offsets[i], to = (int) offsets[i + 1];
				final float[] xyz = new float[3 * (to - from)];
				final float[] v = new float[to - from];
				for (int p = from; p < to; p++) {
					System.arraycopy(points[p], 0, xyz, 3 * (p - from), 3);
					v[p - from] = values[p];
				}
				clouds.add(new PixelCloud(px[i], py[i], PointCloud.of(xyz, v)));
			}
			return new CloudContainer(nx, ny, clouds, settings);
		}
		catch (final ClassCastException | IllegalArgumentException e) {
			throw new ScanFormatException(file, "clouds", "unexpected dataset type or shape (" + e.getMessage() + ")", e);
		}
	}

	/** Every index the reader will follow, checked first: a damaged container names its dataset. */
	private static void check(final Path file, final float[][] points, final float[] values, final long[] offsets, final int[] px, final int[] py,
		final int nx, final int ny) throws ScanFormatException
	{
		final int n = px.length;
		if (py.length != n) throw new ScanFormatException(file, "clouds/pixel_y", py.length + " entries for " + n + " in clouds/pixel_x; expected one per cloud");
		if (offsets.length != n + 1)
			throw new ScanFormatException(file, "clouds/offsets", offsets.length + " entries for " + n + " clouds; expected n + 1 = " + (n + 1));
		if (values.length != points.length)
			throw new ScanFormatException(file, "clouds/values", values.length + " values for " + points.length + " points; expected one per point");
		for (int p = 0; p < points.length; p++)
			if (points[p].length != 3) throw new ScanFormatException(file, "clouds/points", "row " + p + " has " + points[p].length + " coordinates; expected 3");
		if (offsets[0] != 0) throw new ScanFormatException(file, "clouds/offsets", "starts at " + offsets[0] + "; expected 0");
		for (int i = 0; i < n; i++)
			if (offsets[i + 1] <= offsets[i] || offsets[i + 1] > points.length)
				throw new ScanFormatException(file, "clouds/offsets", "cloud " + i + " spans rows " + offsets[i] + " .. " + (offsets[i + 1] - 1) + " of "
					+ points.length + " points; expected increasing offsets within the points (every cloud non-empty)");
		if (offsets[n] != points.length)
			throw new ScanFormatException(file, "clouds/offsets", "ends at " + offsets[n] + " of " + points.length + " points; expected the last offset to be N");
		final java.util.BitSet seen = new java.util.BitSet();
		for (int i = 0; i < n; i++) {
			if (px[i] < 0 || px[i] >= nx || py[i] < 0 || py[i] >= ny)
				throw new ScanFormatException(file, "clouds/pixel_x", "cloud " + i + " lies at x=" + px[i] + ", y=" + py[i] + ", outside the " + nx + " x " + ny + " scan");
			final int at = py[i] * nx + px[i];
			if (seen.get(at)) throw new ScanFormatException(file, "clouds/pixel_x", "cloud " + i + " repeats pixel x=" + px[i] + ", y=" + py[i] + "; expected one cloud per pixel");
			seen.set(at);
		}
	}

	private static ScanFormatException shape(final Path file, final String dataset, final String expected, final Object found) {
		final String what = found == null ? "nothing" : found.getClass().isArray() ? found.getClass().getComponentType().getSimpleName() + " array" : found.getClass().getSimpleName();
		return new ScanFormatException(file, dataset, "holds " + what + "; expected " + expected);
	}

	private static Dataset dataset(final HdfFile hdf, final Path file, final String path) throws ScanFormatException {
		try {
			return hdf.getDatasetByPath(path);
		}
		catch (final RuntimeException e) {
			throw new ScanFormatException(file, path, "missing dataset");
		}
	}
}
