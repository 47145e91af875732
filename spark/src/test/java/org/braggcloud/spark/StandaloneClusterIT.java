package org.braggcloud.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.braggcloud.batch.BatchRun;
import org.braggcloud.batch.BatchSettings;
import org.braggcloud.batch.LocalEngine;
import org.braggcloud.batch.ScanOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real standalone Spark cluster on this machine: a master and two workers started from Spark's
 * own classes on 127.0.0.1, the batch submitted to it with the cluster jar. Its results equal the
 * local engine's; and when one worker is killed in the middle of the job, Spark reruns its scans
 * on the other and nothing is lost, duplicated or left half written.
 */
class StandaloneClusterIT {

	private static final Path TINY = Path.of(System.getProperty("braggcloud.testImages", "../test-images"), "tiny-tiff-frames").toAbsolutePath();
	private static final Path CLUSTER_JAR = Path.of(System.getProperty("braggcloud.clusterJar", "target/bragg-cloud-spark-cluster.jar"))
		.toAbsolutePath();
	private static final List<String> RESULTS = List.of("mask.tif", "maps/maps.csv", "clouds/clouds.h5", "features.csv", "labels.csv",
		"clusters.csv", "cluster_count.csv");
	private static final String OPENS = System.getProperty("braggcloud.sparkOpens", "");

	@TempDir
	Path dir;

	private final List<Process> processes = new ArrayList<>();

	@AfterEach
	void stopCluster() throws InterruptedException {
		for (final Process p : processes) p.descendants().forEach(ProcessHandle::destroyForcibly);
		for (final Process p : processes) p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
	}

	@Test
	@Timeout(value = 6, unit = TimeUnit.MINUTES)
	void aBatchOnTwoWorkersSurvivesOneBeingKilled() throws Exception {
		assertTrue(Files.isRegularFile(CLUSTER_JAR), "the cluster jar is built first (mvn -Pcluster package): " + CLUSTER_JAR);
		final Path scans = dir.resolve("scans");
		final String[] names = { "a", "b", "c", "d", "e", "f" };
		for (final String s : names) copy(TINY, scans.resolve(s));
		final BatchSettings settings = new BatchSettings(0, false, "descriptors", "default", "auto", "auto", null, 0, 128, 8, 1, 1);
		final Path local = dir.resolve("local");
		BatchRun.of(scans, local, settings).run(new LocalEngine(), o -> {});

		final Path home = sparkHome();
		final String master = startMaster(home);
		final Process first = startWorker(home, master, "w1");
		startWorker(home, master, "w2");

		final SparkConf conf = new SparkConf().setAppName("Bragg Cloud cluster test").setMaster(master).setJars(new String[] { CLUSTER_JAR.toString() })
			.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1").set("spark.ui.enabled", "false")
			.set("spark.executor.memory", "768m").set("spark.executor.extraJavaOptions", OPENS + " -Dai.djl.offline=true -Djava.awt.headless=true")
			.set("spark.task.maxFailures", "4");
		final Path out = dir.resolve("cluster");
		final List<ScanOutcome> outcomes;
		try (JavaSparkContext context = new JavaSparkContext(conf)) {
			final List<ScanOutcome> finished = new ArrayList<>();
			outcomes = BatchRun.of(scans, out, settings).run(new SparkEngine(context), o -> {
				finished.add(o);
				// the first scan is back: kill a worker, and with it the scans it is running
				if (finished.size() == 1) first.descendants().forEach(ProcessHandle::destroyForcibly);
				if (finished.size() == 1) first.destroyForcibly();
			});
		}
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

	/** A Spark home whose jars folder is the Spark of this test's class path, as a worker needs to launch executors. */
	private Path sparkHome() throws IOException {
		final Path home = dir.resolve("spark-home");
		final Path jars = Files.createDirectories(home.resolve("jars"));
		for (final String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			final Path p = Path.of(entry);
			if (!entry.endsWith(".jar") || p.getFileName().toString().startsWith("bragg-cloud")) continue;
			final Path link = jars.resolve(p.getFileName());
			if (!Files.exists(link)) Files.createSymbolicLink(link, p.toAbsolutePath());
		}
		return home;
	}

	private String startMaster(final Path home) throws Exception {
		final Process p = spark(home, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", "0", "--webui-port", "0");
		final String line = await(p, Pattern.compile("Starting Spark master at (spark://127\\.0\\.0\\.1:\\d+)"));
		return line;
	}

	private Process startWorker(final Path home, final String master, final String name) throws Exception {
		final Path work = Files.createDirectories(dir.resolve(name));
		final Process p = spark(home, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1", "--memory", "1g",
			"--webui-port", "0", "--work-dir", work.toString(), master);
		await(p, Pattern.compile("(Successfully registered with master)"));
		return p;
	}

	private Process spark(final Path home, final String mainClass, final String... args) throws IOException {
		final List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m"));
		for (final String o : OPENS.split(" ")) if (!o.isBlank()) cmd.add(o);
		cmd.addAll(List.of("-cp", home.resolve("jars").toString() + File.separator + "*", mainClass));
		cmd.addAll(List.of(args));
		final ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true);
		b.environment().put("SPARK_HOME", home.toString());
		b.environment().put("SPARK_SCALA_VERSION", "2.13");
		b.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
		final Process p = b.start();
		processes.add(p);
		return p;
	}

	/** Reads the process's log until the pattern appears; the rest is drained in the background. */
	private static String await(final Process p, final Pattern pattern) throws Exception {
		final BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
		final CompletableFuture<String> found = new CompletableFuture<>();
		final Thread drain = new Thread(() -> {
			try {
				for (String line; (line = r.readLine()) != null;) {
					final Matcher m = pattern.matcher(line);
					if (!found.isDone() && m.find()) found.complete(m.group(1));
				}
				found.completeExceptionally(new AssertionError("the process ended before '" + pattern + "'"));
			}
			catch (final IOException e) {
				found.completeExceptionally(e);
			}
		}, "spark-log");
		drain.setDaemon(true);
		drain.start();
		return found.get(90, TimeUnit.SECONDS);
	}

	private static void copy(final Path from, final Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (final Path p : files.toList()) {
				final Path target = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) Files.createDirectories(target);
				else Files.copy(p, target);
			}
		}
	}
}
