package org.braggcloud.io.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;

import org.braggcloud.scan.PixelType;
import org.braggcloud.scan.RockingScan;
import org.braggcloud.scan.VolumeStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every layout and pixel type: write, open, stream back, compare voxel by voxel. */
class ScanRoundTripTest {

	@TempDir
	Path tmp;

	static Stream<Arguments> layouts() {
		final Stream.Builder<Arguments> b = Stream.builder();
		for (final ScanLayout layout : ScanLayout.values())
			for (final PixelType type : new PixelType[] { PixelType.UINT8, PixelType.UINT16, PixelType.UINT32, PixelType.INT32, PixelType.FLOAT32 })
				for (final boolean flip : new boolean[] { false, true })
					b.add(Arguments.of(layout, type, flip));
		return b.build();
	}

	@ParameterizedTest(name = "{0} {1} flip={2}")
	@MethodSource("layouts")
	void streamsBackWhatWasWritten(final ScanLayout layout, final PixelType type, final boolean flip) throws Exception {
		final PatternScan pattern = new PatternScan(7, 5, 6, 9, 4);
		final Path file = pattern.write(tmp.resolve("scan"), layout, type, flip, false);
		try (RockingScan scan = ScanOpener.open(file)) {
			assertEquals(type, scan.pixelType());
			assertEquals(6, scan.rows());
			assertEquals(9, scan.columns());
			assertEquals(4, scan.angleCount());
			assertEquals(flip, scan.descriptor().frames().flipVertical());
			final AtomicInteger seen = new AtomicInteger();
			// Odd block size so blocks straddle scan rows and the last block is short.
			VolumeStream.of(scan).pixelsPerBlock(4).threads(3).forEach(block -> {
				for (int i = 0; i < block.size(); i++) {
					final float[] v = block.voxels(i);
					final int frame = block.frameIndex(i);
					for (int a = 0; a < 4; a++)
						for (int r = 0; r < 6; r++)
							for (int c = 0; c < 9; c++)
								assertEquals(pattern.value(a, frame, r, c), v[(a * 6 + r) * 9 + c], 0, () -> "voxel of frame " + frame);
					seen.incrementAndGet();
				}
			});
			assertEquals(35, seen.get());
		}
	}

	@Test
	void volumeViewHasAxesRowColumnAngle() throws Exception {
		final PatternScan pattern = new PatternScan(3, 2, 5, 4, 3);
		try (RockingScan scan = ScanOpener.open(pattern.write(tmp.resolve("v"), ScanLayout.TIFF_FRAMES, PixelType.UINT16, false, false))) {
			final RandomAccessibleInterval<FloatType> vol = scan.volume(2, 1);
			assertArrayEquals(new long[] { 5, 4, 3 }, vol.dimensionsAsLongArray());
			final RandomAccess<FloatType> ra = vol.randomAccess();
			final int frame = 1 * 3 + 2;
			for (int a = 0; a < 3; a++)
				for (int r = 0; r < 5; r++)
					for (int c = 0; c < 4; c++)
						assertEquals(pattern.value(a, frame, r, c), ra.setPositionAndGet(r, c, a).get(), 0);
		}
	}

	@Test
	void readsXrfMapsAndDescriptorFields() throws Exception {
		final PatternScan pattern = new PatternScan(6, 4, 3, 3, 2);
		try (RockingScan scan = ScanOpener.open(pattern.write(tmp.resolve("x"), ScanLayout.HDF5, PixelType.UINT16, false, true))) {
			assertTrue(scan.hasXrf());
			assertArrayEquals(pattern.xrfMap(1), scan.xrf(1).values(), 1e-6f);
			assertEquals(55, scan.descriptor().detector().pixelUm());
			assertEquals(18.1, scan.descriptor().geometry().deltaDeg());
			assertArrayEquals(pattern.anglesDeg(), scan.anglesDeg(), 1e-12);
			assertEquals(0.1, scan.grid().stepUm());
		}
	}
}
