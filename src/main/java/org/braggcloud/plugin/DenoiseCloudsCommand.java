package org.braggcloud.plugin;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.braggcloud.cloud.PlyFormat;
import org.braggcloud.conversion.CloudBatch;
import org.braggcloud.io.results.PlyFolder;
import org.braggcloud.conversion.CloudSampling;
import org.braggcloud.denoise.DenoiseChain;
import org.braggcloud.io.OutputFolder;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** The denoising chain over a folder of PLY files, into a new folder. */
@Plugin(type = Command.class, label = DenoiseCloudsCommand.TITLE, headless = true)
public class DenoiseCloudsCommand extends StepCommand {

	public static final String TITLE = "Denoise Point Clouds";

	@Parameter(persist = false, label = "Folder of PLY files", style = "directory")
	private File input;

	@Parameter(persist = false, label = "Output folder", style = "directory")
	private File output;

	@Parameter(persist = false, label = "Denoising", choices = { "paper", "none", "outliers", "lpa-ici" })
	private String denoise = "paper";

	@Parameter(persist = false, label = "Points per cloud (0 = all)", min = "0")
	private int points = 0;

	@Parameter(persist = false, label = "Resampling", choices = { "farthest", "random" })
	private String sampling = "farthest";

	@Parameter(persist = false, label = "PLY format", choices = { "binary", "ascii" })
	private String ply_format = "binary";

	@Parameter(persist = false, label = "Threads (0 = all cores)", min = "0")
	private int threads = 0;

	@Parameter(persist = false, label = "Overwrite existing results")
	private boolean overwrite = false;

	@Override
	protected void execute(final CommandProgress progress) throws IOException {
		final Path in = input.toPath().toAbsolutePath().normalize(), target = output.toPath().toAbsolutePath().normalize();
		// replacing the output folder would delete the clouds being read
		if (in.startsWith(target))
			throw new IllegalArgumentException("output " + output + (in.equals(target) ? " is the input folder" : " holds the input folder " + input)
				+ "; give a new folder for the denoised clouds");
		final List<Path> files = PlyFolder.files(input.toPath());
		try (OutputFolder out = outputFolder(output, overwrite)) {
			final CloudBatch.Result written = new CloudBatch().denoise(DenoiseChain.parse(denoise)).points(points, CloudSampling.fromKey(sampling))
				.format(ply_format.equals("ascii") ? PlyFormat.ASCII : PlyFormat.BINARY_LITTLE_ENDIAN)
				.threads(ThreadCount.of(threads)).progress(progress).run(files, out.stage("."));
			if (!written.empty().isEmpty()) {
				Files.write(out.stage("empty_clouds.csv"), java.util.stream.Stream.concat(java.util.stream.Stream.of("name,reason"),
					written.empty().stream().map(n -> n + ",no point left after denoising")).toList());
				log.warn(written.empty().size() + " clouds had no point left after denoising and were not written (listed in empty_clouds.csv)");
			}
			out.commit();
			log.info("Denoised " + files.size() + " clouds (" + written.points() + " points) into " + out.target());
			progress.done("Denoised " + files.size() + " clouds");
		}
	}
}
