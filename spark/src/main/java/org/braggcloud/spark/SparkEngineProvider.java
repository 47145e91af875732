package org.braggcloud.spark;

import org.braggcloud.batch.BatchEngine;
import org.braggcloud.batch.BatchEngineProvider;
import org.braggcloud.batch.BatchEngines;

/** {@code engine=spark} for Bragg Cloud Batch, found by {@link java.util.ServiceLoader}. */
public final class SparkEngineProvider implements BatchEngineProvider {

	@Override
	public String name() {
		return BatchEngines.SPARK;
	}

	@Override
	public BatchEngine create(final String master, final int blocks) {
		return new SparkEngine(master, blocks);
	}
}
