package org.braggcloud.batch;

/**
 * An engine that lives outside this plugin's jar (Spark's, in {@code bragg-cloud-spark}), found
 * with {@link java.util.ServiceLoader} so that the plugin itself needs no Spark.
 */
public interface BatchEngineProvider {

	/** The {@code engine} key that chooses it, such as {@code spark}. */
	String name();

	/**
	 * @param master where to run, such as {@code local[*]} or {@code spark://host:7077}
	 * @param blocks 0: one task per scan; more: scans one after another, each scan's clouds and
	 *               features in this many tasks (a scan too large for one machine)
	 */
	BatchEngine create(String master, int blocks);
}
