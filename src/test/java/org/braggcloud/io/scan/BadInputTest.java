package org.braggcloud.io.scan;

import org.braggcloud.io.OutputFolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ColorProcessor;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.braggcloud.scan.PixelType;
import org.braggcloud.scan.ScanFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input names the file, the field and what was expected. */
class BadInputTest {

	@TempDir
	Path tmp;

	private final PatternScan pattern = new PatternScan(4, 3, 5, 6, 3);

	private ScanFormatException openFails(final Path json) {
		return assertThrows(ScanFormatException.class, () -> ScanOpener.open(json).close());
	}

	private static void assertMentions(final Exception e, final String... parts) {
		for (final String p : parts)
			assertTrue(e.getMessage().contains(p), () -> "message lacks '" + p + "': " + e.getMessage());
	}

	private Path writeJson(final String json) throws IOException {
		final Path f = tmp.resolve("scan.json");
		Files.writeString(f, json);
		return f;
	}

	@Test
	void missingDescriptor() {
		assertMentions(openFails(tmp.resolve("nope.json")), "nope.json", "not found");
	}

	@Test
	void malformedJsonGivesLineAndColumn() throws IOException {
		final Path f = writeJson("{\n  \"scan\": {\"nx\": 4,\n  \"ny\": 3 \"step_um\": 0.1}\n}");
		final ScanFormatException e = openFails(f);
		assertMentions(e, "scan.json", "malformed JSON", "line 3", "column");
	}

	@Test
	void missingAndMistypedFields() throws IOException {
		assertMentions(openFails(writeJson("{\"scan\": {\"nx\": 4, \"ny\": 3, \"step_um\": 0.1}}")), "'angles_deg'", "missing");
		assertMentions(openFails(writeJson("{\"scan\": {\"nx\": \"four\", \"ny\": 3, \"step_um\": 0.1}, \"angles_deg\": [0], \"frames\": {\"format\": \"tiff\", \"files\": [\"a.tif\"]}}")),
			"'scan.nx'", "positive integer", "\"four\"");
		assertMentions(openFails(writeJson("{\"scan\": {\"nx\": 4, \"ny\": 3, \"step_um\": 0.1}, \"angles_deg\": [0], \"frames\": {\"format\": \"zarr\", \"files\": [\"a\"]}}")),
			"'frames.format'", "\"tiff\" or \"hdf5\"");
	}

	@Test
	void repeatedOrUnorderedAnglesAndRepeatedFilesAreRefused() throws IOException {
		final String head = "{\"scan\": {\"nx\": 4, \"ny\": 3, \"step_um\": 0.1}, \"angles_deg\": ";
		assertMentions(openFails(writeJson(head + "[0, 0.1, 0.1], \"frames\": {\"format\": \"tiff\", \"files\": [\"a.tif\", \"b.tif\", \"c.tif\"]}}")),
			"scan.json", "'angles_deg[2]'", "repeats");
		assertMentions(openFails(writeJson(head + "[0, 0.2, 0.1], \"frames\": {\"format\": \"tiff\", \"files\": [\"a.tif\", \"b.tif\", \"c.tif\"]}}")),
			"'angles_deg[2]'", "order");
		assertMentions(openFails(writeJson(head + "[0, 0.1, 0.2], \"frames\": {\"format\": \"tiff\", \"files\": [\"a.tif\", \"b.tif\", \"./a.tif\"]}}")),
			"'frames.files[2]'", "already frames.files[0]");
	}

	@Test
	void aBareNaNAngleAndAFolderAsAFrameFileSayWhatIsWrong() throws IOException {
		final String head = "{\"scan\": {\"nx\": 4, \"ny\": 3, \"step_um\": 0.1}, \"angles_deg\": ";
		final ScanFormatException nan = openFails(writeJson(head + "[0, NaN], \"frames\": {\"format\": \"tiff\", \"files\": [\"a.tif\", \"b.tif\"]}}"));
		assertMentions(nan, "scan.json", "line 1", "NaN and Infinity are not numbers in JSON");
		assertFalse(nan.getMessage().contains("ALLOW_NON_NUMERIC"), nan.getMessage());
		Files.createDirectories(tmp.resolve("a.tif"));
		assertMentions(openFails(writeJson(head + "[0], \"frames\": {\"format\": \"tiff\", \"files\": [\"a.tif\"]}}")), "a.tif",
			"is a folder; expected a frame file");
	}

	@Test
	void anHdf5FrameTooLargeToHoldIsRefusedBeforeAnythingIsAllocated() {
		final Path huge = Path.of("test-images/hdf5-fletcher32/oversized.h5");
		final ScanFormatException e = assertThrows(ScanFormatException.class, () -> Hdf5FrameFile.open(huge, "entry/data/data", "frames.files[0]"));
		assertMentions(e, "oversized.h5", "100000 x 100000 = 10000000000 pixels");
	}

	@Test
	void aTruncatedHdf5FrameFileIsCalledTruncated() throws IOException {
		final byte[] whole = Files.readAllBytes(Path.of("test-images/hdf5-fletcher32/checksummed.h5"));
		final Path cut = tmp.resolve("cut.h5");
		Files.write(cut, java.util.Arrays.copyOf(whole, whole.length * 2 / 3));
		final ScanFormatException e = assertThrows(ScanFormatException.class, () -> Hdf5FrameFile.open(cut, "entry/data/data", "frames.files[0]"));
		assertMentions(e, "cut.h5", "'frames.files[0]'", "truncated: " + whole.length * 2 / 3 + " bytes of the " + whole.length);
	}

	@Test
	void aGridTooLargeForOneScanIsRefusedWithItsTrueSize() throws IOException {
		final String tail = ", \"step_um\": 0.1}, \"angles_deg\": [0], \"frames\": {\"format\": \"tiff\", \"files\": [\"a.tif\"]}}";
		assertMentions(openFails(writeJson("{\"scan\": {\"nx\": 1000000000, \"ny\": 10" + tail)), "scan.json", "'scan'", "= 10000000000 scan points");
		// 536870927 x 8 wraps to 120 in int arithmetic
		assertMentions(openFails(writeJson("{\"scan\": {\"nx\": 536870927, \"ny\": 8" + tail)), "= 4294967416 scan points");
	}

	@Test
	void numberOfFilesMustEqualNumberOfAngles() throws IOException {
		final ScanFormatException e = openFails(writeJson("{\"scan\": {\"nx\": 4, \"ny\": 3, \"step_um\": 0.1}, \"angles_deg\": [0, 0.1, 0.2], \"frames\": {\"format\": \"tiff\", \"files\": [\"a.tif\", \"b.tif\"]}}"));
		assertMentions(e, "scan.json", "'frames.files'", "2 files for 3 angles");
	}

	@Test
	void missingFrameFile() throws IOException {
		final Path json = pattern.write(tmp.resolve("s"), ScanLayout.TIFF_FRAMES, PixelType.UINT16, false, false);
		Files.delete(json.resolveSibling("rock_001_diff.tif"));
		assertMentions(openFails(json), "rock_001_diff.tif", "'frames.files[1]'", "not found");
	}

	@Test
	void unreadableFrameFile() throws IOException {
		final Path json = pattern.write(tmp.resolve("s"), ScanLayout.TIFF_FRAMES, PixelType.UINT16, false, false);
		Files.writeString(json.resolveSibling("rock_002_diff.tif"), "this is not a TIFF");
		assertMentions(openFails(json), "rock_002_diff.tif", "'frames.files[2]'", "TIFF");
	}

	@Test
	void framesPerFileMustEqualScanPoints() throws IOException {
		final Path json = pattern.write(tmp.resolve("s"), ScanLayout.HDF5, PixelType.UINT16, false, false);
		Files.writeString(json, Files.readString(json).replace("\"nx\" : 4", "\"nx\" : 5"));
		assertMentions(openFails(json), "rock_000_diff.h5", "'frames.files[0]'", "12 frames", "expected nx * ny = 5 * 3 = 15");
	}

	@Test
	void detectorSizeMustNotDifferBetweenAngles() throws IOException {
		final Path json = pattern.write(tmp.resolve("s"), ScanLayout.TIFF_FRAMES, PixelType.UINT16, false, false);
		new PatternScan(4, 3, 5, 7, 3).write(tmp.resolve("other"), ScanLayout.TIFF_FRAMES, PixelType.UINT16, false, false);
		Files.copy(tmp.resolve("other/rock_002_diff.tif"), json.resolveSibling("rock_002_diff.tif"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		assertMentions(openFails(json), "rock_002_diff.tif", "'frames.files[2]'", "detector size 5 rows x 7 columns differs from 5 x 6");
	}

	@Test
	void missingHdf5DatasetListsTheDatasetsPresent() throws IOException {
		final Path json = pattern.write(tmp.resolve("s"), ScanLayout.HDF5, PixelType.UINT16, false, false);
		Files.writeString(json, Files.readString(json).replace("entry/instrument/detector/data", "entry/data/data"));
		assertMentions(openFails(json), "rock_000_diff.h5", "'frames.dataset'", "no dataset 'entry/data/data'", "entry/instrument/detector/data [12, 5, 6]");
	}

	@Test
	void unsupportedPixelTypes() throws IOException {
		final Path json = pattern.write(tmp.resolve("s"), ScanLayout.TIFF_FRAMES, PixelType.UINT16, false, false);
		new FileSaver(new ImagePlus("rgb", new ColorProcessor(6, 5))).saveAsTiff(json.resolveSibling("rock_000_diff.tif").toString());
		assertMentions(openFails(json), "rock_000_diff.tif", "'samples per pixel'", "grayscale");

		final Path h5 = pattern.write(tmp.resolve("h"), ScanLayout.HDF5, PixelType.UINT16, false, false);
		try (WritableHdfFile hdf = HdfFile.write(h5.resolveSibling("rock_001_diff.h5"))) {
			hdf.putGroup("entry").putGroup("instrument").putGroup("detector").putDataset("data", new double[12][5][6]);
		}
		assertMentions(openFails(h5), "rock_001_diff.h5", "unsupported pixel type: 64-bit float", "32-bit float");
	}

	@Test
	void outputFolderWithResultsIsRefusedUnlessOverwrite() throws IOException {
		final Path out = tmp.resolve("out");
		Files.createDirectories(out);
		Files.writeString(out.resolve("intensity.tif"), "old result");
		final ScanFormatException e = assertThrows(ScanFormatException.class, () -> OutputFolder.create(out, false, "output"));
		assertMentions(e, out.toString(), "'output'", "already holds results", "overwrite=true");
		assertEquals("old result", Files.readString(out.resolve("intensity.tif")));
		try (OutputFolder folder = OutputFolder.create(out, true, "output")) {
			Files.writeString(folder.stage("intensity.tif"), "new result");
			assertEquals("old result", Files.readString(out.resolve("intensity.tif")), "untouched until commit");
			folder.commit();
		}
		assertEquals("new result", Files.readString(out.resolve("intensity.tif")));
	}

	@Test
	void failedRunLeavesNothingBehind() throws IOException {
		final Path fresh = tmp.resolve("fresh");
		try (OutputFolder folder = OutputFolder.create(fresh, false, "output")) {
			Files.writeString(folder.stage("a/b.tif"), "partial");
			// no commit: as after an exception or a cancel
		}
		assertFalse(Files.exists(fresh));

		final Path existing = tmp.resolve("existing");
		Files.createDirectories(existing);
		Files.writeString(existing.resolve("keep.txt"), "mine");
		try (OutputFolder folder = OutputFolder.create(existing, true, "output")) {
			Files.writeString(folder.stage("keep.txt"), "partial");
		}
		try (var entries = Files.list(existing)) {
			assertEquals(1, entries.count());
		}
		assertEquals("mine", Files.readString(existing.resolve("keep.txt")));
	}

	@Test
	void truncatedFrameFileIsReportedWhenRead() throws IOException {
		final Path json = pattern.write(tmp.resolve("s"), ScanLayout.TIFF_COLUMNS, PixelType.UINT16, false, false);
		final Path file = json.resolveSibling("rock_000_diff.tif");
		// A transfer cut short: the file ends inside the pixel data.
		final byte[] bytes = Files.readAllBytes(file);
		final byte[] cut = java.util.Arrays.copyOf(bytes, 8 + 5 * 12 * 2 * 3);
		Files.write(file, cut);
		final IOException e = assertThrows(IOException.class, () -> {
			try (var scan = ScanOpener.open(json)) {
				org.braggcloud.scan.VolumeStream.of(scan).forEach(b -> {});
			}
		});
		assertTrue(e.getMessage().contains("rock_000_diff.tif"), e.getMessage());
	}
}
