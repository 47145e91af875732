package org.braggcloud.batch;

import java.util.List;
import java.util.function.Consumer;

import org.braggcloud.progress.ProgressListener;

/**
 * Runs the jobs of a batch: one after another in this JVM ({@link LocalEngine}), or as tasks of a
 * Spark cluster (the {@code bragg-cloud-spark} module). Every engine runs the same
 * {@link ScanJob}, so a scan's result does not depend on where it ran.
 */
public interface BatchEngine extends AutoCloseable {

	/**
	 * @param finished told of each scan as it finishes, on the calling thread
	 * @return one outcome per job, in the jobs' order
	 */
	List<ScanOutcome> run(List<ScanJob> jobs, Consumer<ScanOutcome> finished, ProgressListener progress);

	@Override
	void close();
}
