package org.braggcloud.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.braggcloud.batch.BatchEngine;
import org.braggcloud.batch.BatchRun;
import org.braggcloud.batch.BatchSettings;
import org.braggcloud.batch.LocalEngine;
import org.braggcloud.batch.ScanOutcome;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.io.scan.ScanLayout;
import org.braggcloud.progress.ProgressListener;
import org.braggcloud.scan.PixelType;
import org.braggcloud.simulation.SampleModel;
import org.braggcloud.simulation.SimulatedScanWriter;

/**
 * Scans per minute of one batch three ways: the local engine (one scan after another, all cores
 * on each), Spark {@code local[cores]} (one scan per core) and a standalone cluster of two
 * one-core workers on this machine ({@link LocalCluster}, the job sent with the cluster jar), and
 * Spark's overhead per scan: its wall time beyond the scans' own time shared over its task slots.
 * <pre>
 * scripts/bragg-cloud spark org.braggcloud.spark.SparkBenchmark scans=8 nx=40 ny=30
 * </pre>
 */
public final class SparkBenchmark {

	private SparkBenchmark() {}

	public static void main(final String[] args) throws Exception {
		int scans = 8, nx = 40, ny = 30;
		for (final String a : args) {
			final String[] kv = a.split("=", 2);
			if (kv.length != 2) throw new IllegalArgumentException("expected key=value, got '" + a + "'");
			switch (kv[0]) {
				case "scans" -> scans = Integer.parseInt(kv[1]);
				case "nx" -> nx = Integer.parseInt(kv[1]);
				case "ny" -> ny = Integer.parseInt(kv[1]);
				default -> throw new IllegalArgumentException("unknown key '" + kv[0] + "'; expected scans, nx, ny");
			}
		}
		final int cores = Runtime.getRuntime().availableProcessors();
		final Path dir = Files.createTempDirectory("bragg-cloud-spark-benchmark");
		try {
			final Path folder = simulate(dir.resolve("scans"), scans, nx, ny);
			final List<String> opens = Arrays.stream(System.getProperty("braggcloud.sparkOpens", "").split(" ")).filter(s -> !s.isBlank()).toList();
			final Path jar = Path.of(System.getProperty("braggcloud.clusterJar", "spark/target/bragg-cloud-spark-cluster.jar")).toAbsolutePath();
			System.out.printf(Locale.ROOT, "%d simulated scans of %d x %d points, %d cores%n%n", scans, nx, ny, cores);
			System.out.println("| engine | task slots | threads per scan | wall s | scans per minute | Spark overhead per scan, s |");
			System.out.println("| --- | --- | --- | --- | --- | --- |");
			row("local (one after another)", 1, folder, dir.resolve("local"), BatchSettings.defaults(cores), new LocalEngine());
			try (JavaSparkContext c = new JavaSparkContext(new SparkConf().setAppName("Bragg Cloud benchmark").setMaster("local[" + cores + "]")
				.set("spark.ui.enabled", "false")))
			{
				row("Spark local[" + cores + "]", cores, folder, dir.resolve("spark-local"), BatchSettings.defaults(1), new SparkEngine(c));
			}
			try (LocalCluster cluster = new LocalCluster(dir.resolve("cluster"), 2, 1, 1024, opens);
				JavaSparkContext c = new JavaSparkContext(clusterConf(cluster.master(), jar, opens)))
			{
				row("standalone, 2 workers x 1 core", 2, folder, dir.resolve("spark-cluster"), BatchSettings.defaults(1), new SparkEngine(c));
			}
		}
		finally {
			OutputFolder.deleteTree(dir);
		}
	}

	/** A driver on loopback for a cluster at {@code master}, Bragg Cloud sent in {@code jar}. */
	public static SparkConf clusterConf(final String master, final Path jar, final List<String> javaOptions) {
		return new SparkConf().setAppName("Bragg Cloud batch").setMaster(master).setJars(new String[] { jar.toString() })
			.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1").set("spark.ui.enabled", "false")
			.set("spark.executor.memory", "768m")
			.set("spark.executor.extraJavaOptions", String.join(" ", javaOptions) + " -Dai.djl.offline=true -Djava.awt.headless=true");
	}

	private static Path simulate(final Path folder, final int scans, final int nx, final int ny) throws IOException {
		for (int i = 1; i <= scans; i++) {
			final SampleModel model = SampleModel.builder().nx(nx).ny(ny).seed(i).build();
			try (OutputFolder out = OutputFolder.create(folder.resolve(String.format("scan%02d", i)), false, "output")) {
				SimulatedScanWriter.write(model, i, ScanLayout.TIFF_FRAMES, PixelType.UINT16, false, Runtime.getRuntime().availableProcessors(), out,
					ProgressListener.NONE);
				out.commit();
			}
		}
		return folder;
	}

	private static void row(final String engine, final int slots, final Path scans, final Path output, final BatchSettings settings,
		final BatchEngine e) throws IOException
	{
		final long start = System.nanoTime();
		final List<ScanOutcome> outcomes = new ArrayList<>(BatchRun.of(scans, output, settings).run(e, o -> {}));
		final double wall = (System.nanoTime() - start) / 1e9;
		double busy = 0;
		for (final ScanOutcome o : outcomes) {
			if (o.status() != ScanOutcome.Status.DONE) throw new IllegalStateException(o.scan() + ": " + o.error());
			busy += o.seconds();
		}
		final String overhead = e instanceof SparkEngine ? String.format(Locale.ROOT, "%.2f", (wall - busy / slots) / outcomes.size()) : "-";
		System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %s |%n", engine, slots, settings.threads() == 0 ? 0 : settings.threads(), wall,
			60 * outcomes.size() / wall, overhead);
	}
}
