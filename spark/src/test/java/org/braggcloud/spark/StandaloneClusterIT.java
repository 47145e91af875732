package org.braggcloud.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.spark.api.java.JavaSparkContext;
import org.braggcloud.batch.BatchRun;
import org.braggcloud.batch.BatchSettings;
import org.braggcloud.batch.LocalEngine;
import org.braggcloud.batch.ScanOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real standalone Spark cluster on this machine ({@link LocalCluster}: a master and two
 * workers on 127.0.0.1), the batch submitted to it with the cluster jar. Its results equal the
 * local engine's, undisturbed, and again when one worker is killed in the middle of the job:
 * Spark reruns that worker's scan on the other, and nothing is lost, duplicated or left half
 * written.
 */
class StandaloneClusterIT {

	private static final Path TINY = Path.of(System.getProperty("braggcloud.testImages", "../test-images"), "tiny-tiff-frames").toAbsolutePath();
	private static final Path CLUSTER_JAR = Path.of(System.getProperty("braggcloud.clusterJar", "target/bragg-cloud-spark-cluster.jar"))
		.toAbsolutePath();
	private static final List<String> RESULTS = List.of("mask.tif", "maps/maps.csv", "clouds/clouds.h5", "features.csv", "labels.csv",
		"clusters.csv", "cluster_count.csv");
	private static final List<String> OPENS = Arrays.stream(System.getProperty("braggcloud.sparkOpens", "").split(" "))
		.filter(s -> !s.isBlank()).toList();

	@TempDir
	Path dir;

	@Test
	@Timeout(value = 6, unit = TimeUnit.MINUTES)
	void aBatchOnTwoWorkersSurvivesOneBeingKilled() throws Exception {
		assertTrue(Files.isRegularFile(CLUSTER_JAR), "the cluster jar is built first (mvn -Pcluster package): " + CLUSTER_JAR);
		final Path scans = dir.resolve("scans");
		final String[] names = { "a", "b", "c", "d", "e", "f" };
		for (final String s : names) SparkBatchTest.copy(TINY, scans.resolve(s));
		final BatchSettings settings = new BatchSettings(0, false, "descriptors", "default", "auto", "auto", null, 0, 128, 8, 1, 1);
		final Path local = dir.resolve("local");
		BatchRun.of(scans, local, settings).run(new LocalEngine(), o -> {});

		try (LocalCluster cluster = new LocalCluster(dir.resolve("cluster-files"), 2, 1, 1024, OPENS);
			JavaSparkContext context = new JavaSparkContext(SparkBenchmark.clusterConf(cluster.master(), CLUSTER_JAR, OPENS)))
		{
			// first undisturbed, then with one worker killed once the first scan is back
			sameAsLocal(BatchRun.of(scans, dir.resolve("cluster"), settings).run(new SparkEngine(context), o -> {}), local, dir.resolve("cluster"),
				names);
			final List<ScanOutcome> finished = new ArrayList<>();
			final Path out = dir.resolve("cluster-killed");
			sameAsLocal(BatchRun.of(scans, out, settings).run(new SparkEngine(context), o -> {
				finished.add(o);
				if (finished.size() == 1) cluster.killWorker(0);
			}), local, out, names);
		}
	}

	private static void sameAsLocal(final List<ScanOutcome> outcomes, final Path local, final Path out, final String[] names) throws Exception {
		assertEquals(names.length, outcomes.size());
		for (final ScanOutcome o : outcomes) assertEquals(ScanOutcome.Status.DONE, o.status(), o.scan() + ": " + o.error());
		for (final String s : names) {
			for (final String f : RESULTS)
				assertArrayEquals(Files.readAllBytes(local.resolve(s).resolve(f)), Files.readAllBytes(out.resolve(s).resolve(f)), s + "/" + f);
			try (Stream<Path> files = Files.list(out.resolve(s))) {
				assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".bragg-cloud-staging")), s + ": no staging left");
			}
		}
	}
}
