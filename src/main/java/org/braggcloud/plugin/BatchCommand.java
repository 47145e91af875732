package org.braggcloud.plugin;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.braggcloud.batch.BatchEngine;
import org.braggcloud.batch.BatchEngines;
import org.braggcloud.batch.BatchRun;
import org.braggcloud.batch.BatchSettings;
import org.braggcloud.batch.BatchSummary;
import org.braggcloud.batch.ScanOutcome;
import org.braggcloud.pipeline.PipelineOptions;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * The pipeline on every scan of a folder or list (see {@link BatchRun}): one output folder per
 * scan, then {@code summary.csv} and {@code summary.html}; one line per finished scan. Scans
 * whose complete results exist are skipped unless {@code overwrite}, so a stopped batch resumes.
 */
@Plugin(type = Command.class, label = BatchCommand.TITLE, headless = true)
public class BatchCommand extends StepCommand {

	public static final String TITLE = "Bragg Cloud Batch";

	@Parameter(persist = false, label = "Scans (a folder with one scan.json per scan, or a text file listing them)", style = "both")
	private File scans;

	@Parameter(persist = false, label = "Output folder (one folder per scan, and the summary)", style = "directory")
	private File output;

	@Parameter(persist = false, label = "Engine (spark needs the bragg-cloud-spark jar)", choices = { BatchEngines.LOCAL, BatchEngines.SPARK })
	private String engine = BatchEngines.LOCAL;

	@Parameter(persist = false, label = "Spark master (engine spark)")
	private String master = "local[*]";

	@Parameter(persist = false, label = "Blocks per scan (engine spark; 0 = one task per scan, n = each scan's clouds and features in n tasks)", min = "0")
	private int blocks = 0;

	@Parameter(persist = false, label = "Clusters (0 = automatic)", min = "0")
	private int clusters = 0;

	@Parameter(persist = false, label = "Correct drift between rocking scans")
	private boolean align = true;

	@Parameter(persist = false, label = "Features", choices = { "descriptors", "foldingnet" })
	private String features = PipelineOptions.DEFAULT_FEATURES.key();

	@Parameter(persist = false, label = "Preset (paper: the published code's choices, FoldingNet features)", choices = { "default", "paper" })
	private String preset = "default";

	@Parameter(persist = false, label = "Cluster count criterion (auto = the preset's)", choices = { "auto", "boundaries", "paper", "silhouette", "bic" })
	private String criterion = PipelineOptions.AUTO;

	@Parameter(persist = false, label = "Decoder grid (auto, plane, sphere, gaussian or a .npy file)")
	private String grid = PipelineOptions.AUTO;

	@Parameter(persist = false, label = "Trained model (optional: folder or paper checkpoint)", style = "both", required = false)
	private File model;

	@Parameter(persist = false, label = "Fine-tuning epochs per scan", min = "0")
	private int epochs = PipelineOptions.DEFAULT_EPOCHS;

	@Parameter(persist = false, label = "Points per cloud", min = "16")
	private int points = PipelineOptions.DEFAULT_POINTS;

	@Parameter(persist = false, label = "Neighbours k", min = "2")
	private int k = PipelineOptions.DEFAULT_K;

	@Parameter(persist = false, label = "Random seed")
	private long seed = 1;

	@Parameter(persist = false, label = "Threads per scan (0 = all cores; on Spark, a task's cores)", min = "0")
	private int threads = 0;

	@Parameter(persist = false, label = "Run scans again whose complete results exist")
	private boolean overwrite = false;

	@Override
	protected void execute(final CommandProgress progress) throws IOException {
		final BatchSettings settings = new BatchSettings(clusters, align, features, preset, criterion, grid,
			model == null ? null : model.getAbsolutePath(), epochs, points, k, seed, threads);
		settings.options(); // refuse bad settings before any scan runs
		final BatchRun run = BatchRun.of(scans.toPath(), output.toPath(), settings).overwrite(overwrite).progress(progress);
		final List<ScanOutcome> outcomes;
		try (BatchEngine e = BatchEngines.named(engine, master, blocks)) {
			outcomes = run.run(e, o -> log.info(line(o)));
		}
		final long failed = outcomes.stream().filter(o -> o.status() == ScanOutcome.Status.FAILED).count();
		log.info(String.format(Locale.ROOT, "%d scans, %d failed; summary: %s", outcomes.size(), failed,
			output.toPath().resolve(BatchSummary.PAGE)));
		progress.done("Batch done");
	}

	private static String line(final ScanOutcome o) {
		return switch (o.status()) {
			case DONE -> String.format(Locale.ROOT, "%s: %d domains, %d pixels, %.1f s", o.scan(), o.k(), o.pixels(), o.seconds());
			case SKIPPED -> o.scan() + ": complete already, skipped";
			case FAILED -> o.scan() + ": failed: " + o.error();
		};
	}
}
