package org.braggcloud.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.braggcloud.progress.ProgressListener;

/** Every scan in turn in this JVM, each with all of the settings' threads. */
public final class LocalEngine implements BatchEngine {

	@Override
	public List<ScanOutcome> run(final List<ScanJob> jobs, final Consumer<ScanOutcome> finished, final ProgressListener progress) {
		final List<ScanOutcome> outcomes = new ArrayList<>();
		for (int i = 0; i < jobs.size(); i++) {
			progress.progress("Batch: scan " + (i + 1) + " of " + jobs.size(), i, jobs.size());
			progress.checkCancelled();
			final ScanOutcome o = jobs.get(i).run(progress.silenced());
			outcomes.add(o);
			finished.accept(o);
		}
		progress.progress("Batch", jobs.size(), jobs.size());
		return outcomes;
	}

	@Override
	public void close() {
		// nothing held
	}
}
