package org.braggcloud.plugin;

import ij.ImagePlus;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.braggcloud.io.TiffImageFile;
import org.braggcloud.io.LookupTables;
import org.braggcloud.figures.RenderedImages;
import org.braggcloud.rendering.CloudRenderer;
import org.braggcloud.rendering.Colouring;
import org.braggcloud.rendering.RenderedSeries;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * A rotating view of one cloud, without the 3D Viewer: the named cloud from the main source and
 * from each comparison source (comma-separated paths: containers, PLY folders or single PLY files)
 * side by side at a common scale, as an RGB stack with one slice per azimuth.
 */
@Plugin(type = Command.class, label = RenderPointCloudCommand.TITLE, headless = true)
public class RenderPointCloudCommand extends StepCommand {

	public static final String TITLE = "Render Point Cloud";

	@Parameter(persist = false, label = "Clouds (clouds.h5, PLY folder or .ply file)")
	private File clouds;

	@Parameter(persist = false, label = "Cloud name (empty = first)", required = false)
	private String cloud_name = "";

	@Parameter(persist = false, label = "Compare with (comma-separated paths)", required = false)
	private String compare_with = "";

	@Parameter(persist = false, label = "Colour by", choices = { "intensity", "log intensity", "cloud" })
	private String colour = "intensity";

	@Parameter(persist = false, label = "Frames per turn", min = "1")
	private int frames = 36;

	@Parameter(persist = false, label = "Panel width (pixels)", min = "64")
	private int width = 256;

	@Parameter(persist = false, label = "Elevation (degrees)", min = "-90", max = "90")
	private double elevation = 20;

	@Parameter(persist = false, label = "Save as TIFF (optional)", style = "save", required = false)
	private File output;

	@Parameter(persist = false, label = "Overwrite an existing output file")
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Rendering")
	private ImagePlus rendering;

	@Override
	protected void execute(final CommandProgress progress) throws IOException {
		final boolean saving = output != null && !output.getPath().isEmpty();
		if (saving && output.exists() && !overwrite)
			throw new IllegalArgumentException("output " + output + " already exists; give overwrite=true to replace it, or another file");
		final List<RenderSources.Panel> panels = new ArrayList<>();
		panels.add(RenderSources.pick(clouds.toPath(), cloud_name, "clouds"));
		for (final Path p : RenderSources.paths(compare_with))
			panels.add(RenderSources.pick(p, panels.get(0).name(), "compare_with"));
		final Colouring colouring = colour.equals("cloud") ? Colouring.byCloud()
			: Colouring.intensity(RenderedImages.argb(LookupTables.fire()), colour.equals("log intensity"));
		final RenderedSeries series = CloudRenderer.size(width, width).azimuths(frames).elevation(elevation).colouring(colouring)
			.progress(progress).render(panels.stream().map(RenderSources.Panel::cloud).toList(),
				panels.stream().map(RenderSources.Panel::source).toList());
		rendering = RenderedImages.stack(panels.get(0).name() + " render", series);
		if (saving) {
			TiffImageFile.writeReplacing(rendering, output.toPath());
			log.info("Saved " + series.frameCount() + " frames to " + output);
		}
		progress.done("Rendered " + panels.get(0).name());
	}
}
