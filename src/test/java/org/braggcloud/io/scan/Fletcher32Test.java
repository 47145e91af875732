package org.braggcloud.io.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.braggcloud.scan.ScanFormatException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HDF5 chunks with a Fletcher32 checksum (written by h5py, deflated or not; README in
 * test-images): intact ones read as written, a chunk with one flipped bit is refused naming the
 * file, the dataset and the chunk, as h5py refuses it, instead of being read as data.
 */
class Fletcher32Test {

	private static final Path DIR = Path.of("test-images/hdf5-fletcher32");
	private static final String DATASET = "entry/data/data";

	private static float[][] read(final Path file) throws Exception {
		try (Hdf5FrameFile f = Hdf5FrameFile.open(file, DATASET, "frames.files[0]")) {
			final float[][] frames = new float[3][8 * 6];
			f.read(0, 3, frames, 0);
			return frames;
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "checksummed.h5", "checksummed_raw.h5" })
	void intactChunksReadAsWritten(final String name) throws Exception {
		final float[][] frames = read(DIR.resolve(name));
		for (int f = 0; f < 3; f++) {
			final float[] expected = new float[48];
			for (int i = 0; i < 48; i++) expected[i] = ((f * 48 + i) * 7) % 1000;
			assertArrayEquals(expected, frames[f], "frame " + f);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "damaged.h5", "damaged_raw.h5" })
	void aChunkThatFailsItsChecksumIsRefused(final String name) {
		final ScanFormatException e = assertThrows(ScanFormatException.class, () -> read(DIR.resolve(name)));
		assertTrue(e.getMessage().contains(name) && e.getMessage().contains("/" + DATASET) && e.getMessage().contains("chunk at frame 1")
			&& e.getMessage().contains("Fletcher32"), e.getMessage());
	}
}
