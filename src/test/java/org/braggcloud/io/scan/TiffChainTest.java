package org.braggcloud.io.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.braggcloud.scan.ScanFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Damaged TIFF page chains are refused at once, naming the file, instead of hanging the reader. */
class TiffChainTest {

	@TempDir
	Path dir;

	/** A 3-page TIFF as ImageJ writes stacks, and the byte offsets of each page's link to the next. */
	private Path stack(final int[] links) throws Exception {
		final ImagePlus imp = IJ.createImage("s", "16-bit ramp", 8, 6, 3);
		final Path f = dir.resolve("s.tif");
		IJ.saveAsTiff(imp, f.toString());
		final ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.BIG_ENDIAN);
		if (b.getShort(0) == 0x4949) b.order(ByteOrder.LITTLE_ENDIAN);
		long offset = b.getInt(4) & 0xffffffffL;
		for (int i = 0; offset != 0; i++) {
			final int link = (int) (offset + 2 + 12 * (b.getShort((int) offset) & 0xffff));
			if (i < links.length) links[i] = link;
			offset = b.getInt(link) & 0xffffffffL;
		}
		return f;
	}

	private static void patch(final Path f, final int at, final long value) throws Exception {
		final byte[] bytes = Files.readAllBytes(f);
		final ByteBuffer b = ByteBuffer.wrap(bytes).order(bytes[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
		b.putInt(at, (int) value);
		Files.write(f, bytes);
	}

	@Test
	void anIntactChainIsCounted() throws Exception {
		assertEquals(3, TiffChain.check(stack(new int[3]), "frames.files[0]"));
	}

	@Test
	@Timeout(value = 20, unit = TimeUnit.SECONDS)
	void aLastPageThatPointsBackToTheFirstIsRefusedAtOnce() throws Exception {
		final int[] links = new int[3];
		final Path f = stack(links);
		final ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f));
		final long first = (b.get(0) == 'I' ? b.order(ByteOrder.LITTLE_ENDIAN) : b).getInt(4) & 0xffffffffL;
		patch(f, links[2], first);
		final ScanFormatException e = assertThrows(ScanFormatException.class, () -> TiffFrameFile.open(f, "frames.files[0]"));
		assertTrue(e.getMessage().contains("s.tif") && e.getMessage().contains("frames.files[0]") && e.getMessage().contains("loops"), e.getMessage());
	}

	@Test
	void aLinkPastTheEndIsRefused() throws Exception {
		final int[] links = new int[3];
		final Path f = stack(links);
		patch(f, links[1], Files.size(f) + 1000);
		final ScanFormatException e = assertThrows(ScanFormatException.class, () -> TiffChain.check(f, null));
		assertTrue(e.getMessage().contains("outside the file"), e.getMessage());
	}

	@Test
	void aPageTooLargeToHoldIsRefusedWithItsSizeBeforeAnythingIsAllocated() throws Exception {
		// a valid 8-bit TIFF header and directory for a 60000 x 60000 page, without its pixels
		final int entries = 8;
		final ByteBuffer b = ByteBuffer.allocate(8 + 2 + 12 * entries + 4).order(ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8).putShort((short) entries);
		final int[][] tags = { { 256, 4, 60000 }, { 257, 4, 60000 }, { 258, 3, 8 }, { 259, 3, 1 }, { 262, 3, 1 }, { 273, 4, 200 },
			{ 278, 4, 60000 }, { 279, 4, (int) 3_600_000_000L } };
		for (final int[] t : tags) b.putShort((short) t[0]).putShort((short) t[1]).putInt(1).putInt(t[2]);
		b.putInt(0);
		final Path f = dir.resolve("huge.tif");
		Files.write(f, b.array());
		final ScanFormatException e = assertThrows(ScanFormatException.class, () -> TiffFrameFile.open(f, "frames.files[0]"));
		assertTrue(e.getMessage().contains("huge.tif") && e.getMessage().contains("60000 x 60000") && e.getMessage().contains("3600000000 pixels"),
			e.getMessage());
	}
}
