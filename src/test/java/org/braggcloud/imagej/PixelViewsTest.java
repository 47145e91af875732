package org.braggcloud.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;

import java.nio.file.Path;
import java.util.List;

import org.braggcloud.analysis.SimulatedScans;
import org.braggcloud.cloud.PointCloud;
import org.braggcloud.io.scan.ScanLayout;
import org.braggcloud.io.scan.ScanOpener;
import org.braggcloud.scan.RockingScan;
import org.braggcloud.simulation.SampleModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a double-click on a map pixel opens, built headless on a simulated scan. */
class PixelViewsTest {

	@TempDir
	Path dir;

	@Test
	void curveFramesAndCloudOfOnePixel() throws Exception {
		final SampleModel model = SimulatedScans.model(3, 0, 12, 10);
		final Path scanFile = SimulatedScans.write(model, 3, dir.resolve("scan"), ScanLayout.TIFF_FRAMES);
		try (RockingScan scan = ScanOpener.open(scanFile)) {
			// the thickest pixel: its frames must open at the truth's peak angle
			int best = 0;
			for (int i = 0; i < model.truth().thickness().length; i++)
				if (model.truth().thickness()[i] > model.truth().thickness()[best]) best = i;
			final int x = best % 12, y = best / 12;
			final List<ImagePlus> views = PixelViews.of(scan, x, y, PointCloud.of(new float[] { 0, 0, 0, 1, 2, 3 }, new float[] { 1, 2 }));
			assertEquals(3, views.size());
			final ImagePlus frames = views.get(1);
			assertEquals(15, frames.getStackSize());
			assertEquals(48, frames.getWidth());
			final double trueAngle = model.truth().peakAngleDeg()[best];
			final double shownAngle = scan.anglesDeg()[frames.getCurrentSlice() - 1];
			assertEquals(trueAngle, shownAngle, 0.1 + 1e-9, "the stack opens at the peak angle");
			assertEquals(36, views.get(2).getStackSize(), "the cloud turns in 36 frames");
			assertTrue(views.get(0).getTitle().startsWith("Rocking curve"));
			assertThrows(IllegalArgumentException.class, () -> PixelViews.of(scan, 12, 0, null));
			assertEquals(2, PixelViews.of(scan, x, y, null).size());
		}
	}
}
