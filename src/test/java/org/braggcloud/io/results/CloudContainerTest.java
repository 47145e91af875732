package org.braggcloud.io.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

import java.nio.file.Files;
import java.nio.file.Path;

import org.braggcloud.scan.ScanFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged or foreign clouds.h5 is refused on open, naming the dataset that is wrong. */
class CloudContainerTest {

	@TempDir
	Path dir;

	/** Two clouds of 2 and 1 points on a 3 x 2 scan, with one field replaced. */
	private Path container(final String name, final int nx, final float[][] points, final float[] values, final long[] offsets, final int[] px,
		final int[] py) throws Exception
	{
		final Path f = dir.resolve(name + ".h5");
		try (WritableHdfFile hdf = HdfFile.write(f)) {
			final WritableGroup g = hdf.putGroup("clouds");
			g.putAttribute("format", CloudContainer.FORMAT);
			g.putAttribute("scan_nx", nx);
			g.putAttribute("scan_ny", 2);
			g.putDataset("points", points);
			g.putDataset("values", values);
			g.putDataset("offsets", offsets);
			g.putDataset("pixel_x", px);
			g.putDataset("pixel_y", py);
		}
		return f;
	}

	private static final float[][] POINTS = { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 9 } };
	private static final float[] VALUES = { 1, 2, 3 };

	private void refused(final Path f, final String dataset, final String words) {
		final ScanFormatException e = assertThrows(ScanFormatException.class, () -> CloudContainer.read(f));
		assertTrue(e.getMessage().contains(f.getFileName().toString()) && e.getMessage().contains(dataset) && e.getMessage().contains(words),
			e.getMessage());
	}

	@Test
	void anIntactContainerReads() throws Exception {
		final CloudContainer c = CloudContainer.read(container("good", 3, POINTS, VALUES, new long[] { 0, 2, 3 }, new int[] { 0, 2 }, new int[] { 0, 1 }));
		assertEquals(2, c.clouds().size());
		assertEquals(2, c.clouds().get(0).cloud().size());
	}

	@Test
	void everyBrokenIndexIsRefusedWithItsDataset() throws Exception {
		refused(container("unordered", 3, POINTS, VALUES, new long[] { 0, 3, 2 }, new int[] { 0, 2 }, new int[] { 0, 1 }), "clouds/offsets", "increasing");
		refused(container("past", 3, POINTS, VALUES, new long[] { 0, 2, 9 }, new int[] { 0, 2 }, new int[] { 0, 1 }), "clouds/offsets", "within the points");
		refused(container("negative", 3, POINTS, VALUES, new long[] { -1, 2, 3 }, new int[] { 0, 2 }, new int[] { 0, 1 }), "clouds/offsets", "starts at -1");
		refused(container("short", 3, POINTS, VALUES, new long[] { 0, 2 }, new int[] { 0, 2 }, new int[] { 0, 1 }), "clouds/offsets", "expected n + 1");
		refused(container("values", 3, POINTS, new float[] { 1 }, new long[] { 0, 2, 3 }, new int[] { 0, 2 }, new int[] { 0, 1 }), "clouds/values",
			"1 values for 3 points");
		refused(container("outside", 3, POINTS, VALUES, new long[] { 0, 2, 3 }, new int[] { 0, 5 }, new int[] { 0, 1 }), "clouds/pixel_x", "outside");
		refused(container("twice", 3, POINTS, VALUES, new long[] { 0, 2, 3 }, new int[] { 1, 1 }, new int[] { 0, 0 }), "clouds/pixel_x", "repeats");
		refused(container("zero", 0, POINTS, VALUES, new long[] { 0, 2, 3 }, new int[] { 0, 2 }, new int[] { 0, 1 }), "clouds.scan_nx", "positive");
	}

	@Test
	void pointsThatAreNotThreeColumnsAreRefused() throws Exception {
		final Path f = dir.resolve("rank1.h5");
		try (WritableHdfFile hdf = HdfFile.write(f)) {
			final WritableGroup g = hdf.putGroup("clouds");
			g.putAttribute("format", CloudContainer.FORMAT);
			g.putAttribute("scan_nx", 3);
			g.putAttribute("scan_ny", 2);
			g.putDataset("points", new float[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 });
			g.putDataset("values", VALUES);
			g.putDataset("offsets", new long[] { 0, 2, 3 });
			g.putDataset("pixel_x", new int[] { 0, 2 });
			g.putDataset("pixel_y", new int[] { 0, 1 });
		}
		refused(f, "clouds/points", "(N, 3)");
	}

	@Test
	void aTruncatedFileIsCalledTruncated() throws Exception {
		final float[][] many = new float[4000][3];
		final float[] values = new float[4000];
		for (int i = 0; i < many.length; i++) {
			many[i] = new float[] { i, i + 1, i + 2 };
			values[i] = i;
		}
		final Path whole = container("whole", 3, many, values, new long[] { 0, 2000, 4000 }, new int[] { 0, 2 }, new int[] { 0, 1 });
		final byte[] bytes = Files.readAllBytes(whole);
		for (final double share : new double[] { 0.9, 0.5, 0.1 }) {
			final Path cut = dir.resolve("cut" + share + ".h5");
			Files.write(cut, java.util.Arrays.copyOf(bytes, (int) (bytes.length * share)));
			refused(cut, "cut" + share + ".h5", "truncated");
		}
	}

	@Test
	void aFileThatIsNotHdf5IsRefused() throws Exception {
		final Path f = dir.resolve("clouds.h5");
		Files.writeString(f, "not hdf5 at all");
		refused(f, "clouds.h5", "not a readable HDF5 file");
	}
}
