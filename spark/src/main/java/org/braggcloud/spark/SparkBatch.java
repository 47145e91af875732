package org.braggcloud.spark;

import org.braggcloud.launcher.BraggCloudLauncher;
import org.braggcloud.plugin.BatchCommand;

/**
 * The class {@code spark-submit} runs: Bragg Cloud Batch on Spark, its keys as one argument in
 * Fiji's {@code --run} syntax. The master comes from {@code spark-submit --master}; the
 * command's {@code master} key is used only when that is not given.
 * <pre>
 * spark-submit --class org.braggcloud.spark.SparkBatch --master spark://host:7077 bragg-cloud-spark-cluster.jar \
 *     "scans='/data/beamtime',output='/data/results',clusters=4"
 * </pre>
 */
public final class SparkBatch {

	private SparkBatch() {}

	public static void main(final String[] args) {
		if (args.length != 1) {
			System.err.println("usage: spark-submit --class " + SparkBatch.class.getName() + " <jar> \"scans='...',output='...'[,key=value...]\"");
			System.exit(2);
		}
		final String keys = args[0].contains("engine=") ? args[0] : args[0] + ",engine='spark'";
		BraggCloudLauncher.main(new String[] { "--run", BatchCommand.TITLE, keys });
	}
}
