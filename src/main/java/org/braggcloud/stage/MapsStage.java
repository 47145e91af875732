package org.braggcloud.stage;

import java.io.IOException;
import java.util.Map;

import org.braggcloud.analysis.ConventionalMaps;
import org.braggcloud.figures.MapImages;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.io.TiffImageFile;
import org.braggcloud.io.results.MapTable;
import org.braggcloud.preparation.PreparedScan;
import org.braggcloud.progress.ProgressListener;
import org.braggcloud.scan.ScanGrid;

/** The conventional maps step, and its files {@code maps/NAME.tif} and {@code maps/maps.csv}. */
public final class MapsStage {

	private MapsStage() {}

	public static ConventionalMaps run(final PreparedScan prepared, final int threads, final ProgressListener progress) throws IOException {
		return ConventionalMaps.compute(prepared, threads, progress);
	}

	public static void write(final ConventionalMaps maps, final PreparedScan prepared, final ScanGrid grid, final OutputFolder out)
		throws IOException
	{
		for (final Map.Entry<String, float[]> e : maps.maps().entrySet())
			TiffImageFile.write(MapImages.single(e.getKey(), e.getValue(), grid.nx(), grid.ny(), grid.stepUm()), out.stage("maps/" + e.getKey() + ".tif"));
		MapTable.write(out.stage("maps/maps.csv"), grid, prepared.mask(), maps.maps());
	}
}
