package org.braggcloud.batch;

import java.util.ServiceLoader;

/** The engine a batch's {@code engine} key names. */
public final class BatchEngines {

	public static final String LOCAL = "local";
	public static final String SPARK = "spark";

	private BatchEngines() {}

	/** @param blocks see {@link BatchEngineProvider#create}; the local engine takes 0 only */
	public static BatchEngine named(final String engine, final String master, final int blocks) {
		if (engine.equalsIgnoreCase(LOCAL)) {
			if (blocks != 0) throw new IllegalArgumentException("blocks = " + blocks + " splits a scan over Spark tasks; it needs engine 'spark'");
			return new LocalEngine();
		}
		for (final BatchEngineProvider p : ServiceLoader.load(BatchEngineProvider.class, BatchEngines.class.getClassLoader()))
			if (p.name().equalsIgnoreCase(engine)) return p.create(master, blocks);
		if (engine.equalsIgnoreCase(SPARK))
			throw new IllegalArgumentException("engine 'spark' needs the bragg-cloud-spark jar on the class path (README, \"Batches on Spark\")");
		throw new IllegalArgumentException("engine '" + engine + "': expected '" + LOCAL + "' or '" + SPARK + "'");
	}
}
