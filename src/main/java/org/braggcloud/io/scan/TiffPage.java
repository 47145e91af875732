package org.braggcloud.io.scan;

import ij.io.FileInfo;

import org.braggcloud.scan.PixelType;

/**
 * One page (image) of a TIFF file as located by ImageJ's TIFF decoder.
 *
 * @param offset       file offset of the first pixel
 * @param width        page width in pixels
 * @param height       page height in pixels
 * @param pixelType    stored pixel type
 * @param littleEndian byte order of the pixels
 * @param direct       true when the pixels are stored uncompressed and contiguously from
 *                     {@code offset}, so any run of them can be read with one positional read
 * @param info         ImageJ's description of the page, used to decode pages that are not direct
 */
record TiffPage(long offset, int width, int height, PixelType pixelType, boolean littleEndian,
	boolean direct, FileInfo info)
{
	long bytes() {
		return (long) width * height * pixelType.bytes();
	}
}
