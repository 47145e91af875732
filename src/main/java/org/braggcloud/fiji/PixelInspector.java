package org.braggcloud.fiji;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.ImageCanvas;

import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.nio.file.Path;

import org.braggcloud.cloud.PointCloud;
import org.braggcloud.imagej.PixelViews;
import org.braggcloud.io.results.CloudContainer;
import org.braggcloud.cloud.PixelCloud;
import org.braggcloud.io.scan.ScanOpener;
import org.braggcloud.scan.RockingScan;

/**
 * Double-clicking a pixel of a map made from a scan opens that pixel's rocking curve, its
 * detector frames and its cloud ({@link PixelViews}). A map takes part when it carries the
 * property {@link PixelViews#SCAN} (the scan.json it came from) and, for the cloud,
 * {@link PixelViews#CLOUDS}.
 * Double-click, so that single clicks stay with ImageJ's selection tools.
 */
public final class PixelInspector extends MouseAdapter {

	private static final String SCAN = PixelViews.SCAN;
	private static final String CLOUDS = PixelViews.CLOUDS;

	private final ImagePlus image;

	private PixelInspector(final ImagePlus image) {
		this.image = image;
	}

	/** Listens on a shown image's canvas if it knows its scan; does nothing otherwise. */
	static void attach(final ImagePlus image) {
		final ImageCanvas canvas = image.getCanvas();
		if (canvas == null || image.getProp(SCAN) == null) return;
		canvas.addMouseListener(new PixelInspector(image));
	}

	@Override
	public void mouseClicked(final MouseEvent e) {
		if (e.getClickCount() != 2) return;
		final ImageCanvas canvas = image.getCanvas();
		final int x = canvas.offScreenX(e.getX());
		final int y = canvas.offScreenY(e.getY());
		new Thread(() -> open(x, y), "bragg-cloud-pixel").start();
	}

	private void open(final int x, final int y) {
		IJ.showStatus("Bragg Cloud: reading pixel " + x + ", " + y);
		try (RockingScan scan = ScanOpener.open(Path.of(image.getProp(SCAN)))) {
			for (final ImagePlus view : PixelViews.of(scan, x, y, cloud(x, y))) view.show();
		}
		catch (final Exception ex) {
			IJ.error("Bragg Cloud", "Pixel " + x + ", " + y + ": " + ex.getMessage());
		}
	}

	private PointCloud cloud(final int x, final int y) throws java.io.IOException {
		final String clouds = image.getProp(CLOUDS);
		if (clouds == null) return null;
		for (final PixelCloud c : CloudContainer.read(Path.of(clouds)).clouds())
			if (c.x() == x && c.y() == y) return c.cloud();
		return null;
	}
}
