package org.braggcloud.io.scan;

import ij.io.FileInfo;
import ij.io.TiffDecoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.braggcloud.scan.PixelType;
import org.braggcloud.scan.ScanFormatException;

/**
 * Indexes the pages of a multi-page TIFF with ImageJ 1.x's decoder, without reading pixels, so
 * that frames can later be read one run at a time.
 */
final class TiffPages {

	private TiffPages() {}

	/**
	 * Lists every page of a TIFF file.
	 *
	 * @param field the descriptor field that named the file, for error messages
	 */
	static List<TiffPage> index(final Path file, final String field) throws IOException {
		if (!Files.isRegularFile(file)) throw new ScanFormatException(file, field, Files.isDirectory(file) ? "is a folder; expected a frame file" : "file not found");
		if (!Files.isReadable(file)) throw new ScanFormatException(file, field, "file is not readable");
		TiffChain.check(file, field);
		final FileInfo[] infos;
		try {
			final Path dir = file.toAbsolutePath().getParent();
			infos = new TiffDecoder(dir.toString() + java.io.File.separator, file.getFileName().toString()).getTiffInfo();
		}
		catch (final IOException | RuntimeException e) {
			throw new ScanFormatException(file, field, "not a readable TIFF file (" + e.getMessage() + ")", e);
		}
		if (infos == null || infos.length == 0) throw new ScanFormatException(file, field, "not a TIFF file: no image found");
		final List<TiffPage> pages = new ArrayList<>();
		final boolean unsigned32 = infos[0].fileType == FileInfo.GRAY32_INT && TiffSampleFormat.ofFirstPage(file) == TiffSampleFormat.UNSIGNED;
		for (final FileInfo fi : infos) {
			FrameFile.checkSize(file, field, "a page", fi.height, fi.width);
			PixelType type = pixelType(file, fi);
			if (type == PixelType.INT32 && unsigned32) type = PixelType.UINT32;
			final boolean direct = fi.compression == FileInfo.COMPRESSION_NONE && contiguousStrips(fi);
			final long stride = (long) fi.width * fi.height * type.bytes() + Math.max(fi.gapBetweenImages, fi.longGap);
			final int n = Math.max(1, fi.nImages);
			// ImageJ's own stacks are described once, as n equally spaced images.
			if (n > 1 && !direct) throw new ScanFormatException(file, "compression", "compressed ImageJ stacks are not supported; save the stack uncompressed");
			for (int i = 0; i < n; i++)
				pages.add(new TiffPage(fi.getOffset() + i * stride, fi.width, fi.height, type, fi.intelByteOrder, direct, fi));
		}
		return pages;
	}

	private static PixelType pixelType(final Path file, final FileInfo fi) throws ScanFormatException {
		if (fi.samplesPerPixel > 1) throw new ScanFormatException(file, "samples per pixel", fi.samplesPerPixel + " samples per pixel; expected a single-channel (grayscale) image");
		return switch (fi.fileType) {
			case FileInfo.GRAY8 -> PixelType.UINT8;
			case FileInfo.GRAY16_UNSIGNED -> PixelType.UINT16;
			case FileInfo.GRAY16_SIGNED -> PixelType.INT16;
			case FileInfo.GRAY32_UNSIGNED -> PixelType.UINT32;
			case FileInfo.GRAY32_INT -> PixelType.INT32;
			case FileInfo.GRAY32_FLOAT -> PixelType.FLOAT32;
			default -> throw new ScanFormatException(file, "pixel type", "unsupported TIFF pixel type (ImageJ file type " + fi.fileType + ", " + fi.getBytesPerPixel() * 8 + " bits); expected 8-, 16- or 32-bit integer or 32-bit float grayscale");
		};
	}

	private static boolean contiguousStrips(final FileInfo fi) {
		final int[] offsets = fi.stripOffsets, lengths = fi.stripLengths;
		if (offsets == null || offsets.length <= 1) return true;
		if (lengths == null || lengths.length != offsets.length) return false;
		for (int i = 1; i < offsets.length; i++)
			if ((offsets[i] & 0xffffffffL) != (offsets[i - 1] & 0xffffffffL) + (lengths[i - 1] & 0xffffffffL)) return false;
		return true;
	}
}
