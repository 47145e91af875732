package org.braggcloud.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.braggcloud.progress.ProgressListener;

/**
 * A batch: the pipeline on every scan of a folder or list, one output folder per scan under
 * {@code output} (named after the scan's folder), then the summary. A scan that fails is a row of
 * the summary, not the end of the batch.
 * <pre>
 * List&lt;ScanOutcome&gt; rows = BatchRun.of(scans, output, BatchSettings.defaults(2)).overwrite(false).run(new LocalEngine(), row -&gt; {});
 * </pre>
 */
public final class BatchRun {

	private final List<Path> scans;
	private final Path output;
	private final BatchSettings settings;
	private boolean overwrite;
	private ProgressListener progress = ProgressListener.NONE;

	private BatchRun(final List<Path> scans, final Path output, final BatchSettings settings) {
		this.scans = List.copyOf(scans);
		this.output = output.toAbsolutePath().normalize();
		this.settings = settings;
	}

	/** @param scans a folder of scans or a text file listing them ({@link ScanList}) */
	public static BatchRun of(final Path scans, final Path output, final BatchSettings settings) throws IOException {
		return new BatchRun(ScanList.read(scans), output, settings);
	}

	/** Runs every scan again, replacing complete results, instead of skipping them. */
	public BatchRun overwrite(final boolean on) {
		overwrite = on;
		return this;
	}

	public BatchRun progress(final ProgressListener listener) {
		progress = listener;
		return this;
	}

	/** The jobs, one per scan, in the scans' order. */
	public List<ScanJob> jobs() {
		final List<String> names = folderNames(scans);
		final List<ScanJob> jobs = new ArrayList<>();
		for (int i = 0; i < scans.size(); i++)
			jobs.add(new ScanJob(scans.get(i).toString(), output.resolve(names.get(i)).toString(), settings, overwrite));
		return jobs;
	}

	/** Runs the jobs on {@code engine}, {@code finished} told of each scan, and writes the summary. */
	public List<ScanOutcome> run(final BatchEngine engine, final Consumer<ScanOutcome> finished) throws IOException {
		final List<ScanOutcome> outcomes = engine.run(jobs(), finished, progress);
		BatchSummary.write(output, outcomes);
		return outcomes;
	}

	/**
	 * Each scan's output folder: its own folder's name, or, where two scans share that name, the
	 * index in the batch before it; a descriptor not called scan.json adds its own name.
	 */
	static List<String> folderNames(final List<Path> scans) {
		final List<String> names = new ArrayList<>();
		for (final Path s : scans) {
			final String file = s.getFileName().toString();
			final Path parent = s.getParent();
			String name = parent == null || parent.getFileName() == null ? "scan" : parent.getFileName().toString();
			if (!file.equals("scan.json")) name += "_" + file.replaceFirst("\\.json$", "");
			names.add(name.replaceAll("[^A-Za-z0-9._-]", "_"));
		}
		final Set<String> seen = new HashSet<>();
		boolean clash = false;
		for (final String n : names) clash |= !seen.add(n);
		if (!clash) return names;
		final List<String> numbered = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) numbered.add(String.format("%03d_%s", i + 1, names.get(i)));
		return numbered;
	}
}
