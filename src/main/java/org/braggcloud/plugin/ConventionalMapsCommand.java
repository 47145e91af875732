package org.braggcloud.plugin;

import ij.ImagePlus;

import java.io.File;
import java.io.IOException;

import org.braggcloud.analysis.ConventionalMaps;
import org.braggcloud.imagej.PixelViews;
import org.braggcloud.figures.MapImages;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.io.scan.ScanOpener;
import org.braggcloud.preparation.PreparedScan;
import org.braggcloud.registration.RegistrationException;
import org.braggcloud.scan.RockingScan;
import org.braggcloud.scan.ScanGrid;
import org.braggcloud.stage.MapsStage;
import org.braggcloud.stage.PrepareStage;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Strain, tilt, width and centroid maps: the conventional analysis beside the learned one. */
@Plugin(type = Command.class, label = ConventionalMapsCommand.TITLE, headless = true)
public class ConventionalMapsCommand extends StepCommand {

	public static final String TITLE = "Conventional Maps";

	@Parameter(persist = false, label = "Scan descriptor (scan.json)", style = "open")
	private File scan;

	@Parameter(persist = false, label = "Output folder", style = "directory")
	private File output;

	@Parameter(persist = false, label = "Correct drift between rocking scans")
	private boolean align = true;

	@Parameter(persist = false, label = "Threads (0 = all cores)", min = "0")
	private int threads = 0;

	@Parameter(persist = false, label = "Overwrite existing results")
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Maps")
	private ImagePlus maps;

	@Parameter(type = ItemIO.OUTPUT, label = "Mask")
	private ImagePlus mask;

	@Override
	protected void execute(final CommandProgress progress) throws IOException, RegistrationException {
		final int cores = ThreadCount.of(threads);
		try (RockingScan s = ScanOpener.open(scan.toPath()); OutputFolder out = outputFolder(output, overwrite)) {
			final PreparedScan prepared = PrepareStage.run(s, new PrepareStage.Options(align, cores), progress);
			final ConventionalMaps result = MapsStage.run(prepared, cores, progress);
			final ScanGrid grid = s.grid();
			PrepareStage.write(prepared, grid, out);
			MapsStage.write(result, prepared, grid, out);
			out.commit();
			mask = PrepareStage.mask(prepared, grid, s.name() + " mask");
			maps = MapImages.composite(s.name() + " maps", result.maps(), grid.nx(), grid.ny(), grid.stepUm());
			maps.setProp(PixelViews.SCAN, scan.getAbsolutePath()); // double-click a pixel in Fiji to see its peak
			for (final String why : result.skipped())
				log.warn("Skipped " + why);
			log.info("Wrote " + result.maps().size() + " maps of " + prepared.maskedCount() + " pixels to " + out.target());
			progress.done("Conventional maps done");
		}
	}
}
