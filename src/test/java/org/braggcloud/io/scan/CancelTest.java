package org.braggcloud.io.scan;

import org.braggcloud.io.OutputFolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.braggcloud.analysis.ScanOverview;
import org.braggcloud.progress.ProgressListener;
import org.braggcloud.scan.PixelType;
import org.braggcloud.scan.RockingScan;
import org.braggcloud.scan.VolumeStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cancel stops a pass at the next block and a cancelled run leaves no output. */
class CancelTest {

	@TempDir
	Path tmp;

	/** Cancels once the given number of progress reports has been seen. */
	private static ProgressListener cancelAfter(final int reports, final AtomicInteger seen) {
		return new ProgressListener() {

			@Override
			public void progress(final String stage, final long done, final long total) {
				seen.incrementAndGet();
			}

			@Override
			public boolean isCancelled() {
				return seen.get() >= reports;
			}
		};
	}

	@Test
	void streamStopsAtTheNextBlock() throws Exception {
		final Path json = new PatternScan(10, 10, 4, 4, 3).write(tmp.resolve("s"), ScanLayout.TIFF_FRAMES, PixelType.UINT16, false, false);
		final AtomicInteger blocks = new AtomicInteger(), reports = new AtomicInteger();
		try (RockingScan scan = ScanOpener.open(json)) {
			assertThrows(CancellationException.class, () -> VolumeStream.of(scan).pixelsPerBlock(10)
				.progress(cancelAfter(3, reports), "test").forEach(b -> blocks.incrementAndGet()));
		}
		// Reports: start, after block 1, after block 2 -> cancelled before block 3.
		assertEquals(2, blocks.get());
	}

	@Test
	void cancelledRunLeavesNoResults() throws Exception {
		final Path json = new PatternScan(10, 10, 4, 4, 3).write(tmp.resolve("s"), ScanLayout.HDF5, PixelType.UINT16, false, false);
		final Path out = tmp.resolve("out");
		assertThrows(CancellationException.class, () -> {
			try (RockingScan scan = ScanOpener.open(json); OutputFolder folder = OutputFolder.create(out, false, "output")) {
				Files.writeString(folder.stage("intensity.tif"), "would be written after the pass");
				ScanOverview.compute(scan, 2, cancelAfter(1, new AtomicInteger()));
				folder.commit();
			}
		});
		assertFalse(Files.exists(out));
	}

	@Test
	void cancelledSimulationWritesNothing() throws Exception {
		final Path out = tmp.resolve("sim");
		assertThrows(CancellationException.class, () -> {
			try (OutputFolder folder = OutputFolder.create(out, false, "output")) {
				final PatternScan p = new PatternScan(5, 5, 4, 4, 6);
				new ScanWriter().grid(new org.braggcloud.scan.ScanGrid(5, 5, 0.1)).anglesDeg(p.anglesDeg()).detectorSize(4, 4)
					.progress(cancelAfter(3, new AtomicInteger())).write(folder, "scan.json", p::frame, null);
				folder.commit();
			}
		});
		assertFalse(Files.exists(out));
	}
}
