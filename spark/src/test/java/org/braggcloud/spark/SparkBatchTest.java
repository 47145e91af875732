package org.braggcloud.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.braggcloud.batch.BatchRun;
import org.braggcloud.batch.BatchSettings;
import org.braggcloud.batch.BatchSummary;
import org.braggcloud.batch.LocalEngine;
import org.braggcloud.batch.ScanOutcome;
import org.braggcloud.plugin.BatchCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/**
 * Bragg Cloud Batch with {@code engine=spark} on a real embedded Spark ({@code local[2]}): four
 * scans, one broken. The three good ones give the same bytes as the same batch run one scan after
 * another in this JVM, the broken one is reported with its message, and nothing else is written.
 */
class SparkBatchTest {

	private static final Path TINY = Path.of(System.getProperty("braggcloud.testImages", "../test-images"), "tiny-tiff-frames").toAbsolutePath();
	/** The files a run's science is in; report.html carries the run's timings. */
	private static final List<String> RESULTS = List.of("mask.tif", "maps/maps.csv", "clouds/clouds.h5", "features.csv", "labels.csv",
		"clusters.csv", "cluster_count.csv");

	@TempDir
	Path dir;

	@Test
	void fourScansOneBrokenGiveTheLocalEnginesResults() throws Exception {
		final Path scans = dir.resolve("scans");
		for (final String s : new String[] { "a", "b", "c" }) copy(TINY, scans.resolve(s));
		Files.createDirectories(scans.resolve("broken"));
		Files.writeString(scans.resolve("broken/scan.json"), "{\"scan\": {\"nx\": 4}}");

		final Path local = dir.resolve("local");
		final BatchSettings settings = new BatchSettings(0, false, "descriptors", "default", "auto", "auto", null, 0, 128, 8, 1, 1);
		final List<ScanOutcome> expected = BatchRun.of(scans, local, settings).run(new LocalEngine(), o -> {});
		assertEquals(3, expected.stream().filter(o -> o.status() == ScanOutcome.Status.DONE).count());

		final Path spark = dir.resolve("spark");
		try (Context context = new Context()) {
			final CommandModule m = context.service(CommandService.class).run(BatchCommand.class, true, "scans", scans.toFile(), "output",
				spark.toFile(), "engine", "spark", "master", "local[2]", "align", false, "points", 128, "k", 8, "threads", 1).get();
			assertFalse(m.isCanceled(), m.getCancelReason());
		}
		final List<String> rows = Files.readAllLines(spark.resolve(BatchSummary.TABLE));
		assertEquals(5, rows.size(), rows.toString());
		// in the scans' sorted order: a, b, broken, c
		for (final int i : new int[] { 1, 2, 4 }) assertTrue(rows.get(i).contains(",done,"), rows.get(i));
		assertTrue(rows.get(3).contains("/broken/scan.json") && rows.get(3).contains(",failed,") && rows.get(3).contains("'scan.ny': missing"),
			rows.get(3));
		for (final String scan : new String[] { "a", "b", "c" })
			for (final String f : RESULTS)
				assertArrayEquals(Files.readAllBytes(local.resolve(scan).resolve(f)), Files.readAllBytes(spark.resolve(scan).resolve(f)), scan + "/" + f);
		try (Stream<Path> s = Files.list(spark)) {
			assertEquals(List.of("a", "b", "c", "summary.csv", "summary.html"), s.map(p -> p.getFileName().toString()).sorted().toList(),
				"one folder per good scan and the summary, nothing else");
		}
	}

	@Test
	void scansSplitIntoBlocksGiveTheLocalEnginesResults() throws Exception {
		final Path scans = dir.resolve("scans");
		for (final String s : new String[] { "a", "b" }) copy(TINY, scans.resolve(s));
		final Path local = dir.resolve("local");
		BatchRun.of(scans, local, new BatchSettings(0, false, "descriptors", "default", "auto", "auto", null, 0, 128, 8, 1, 1))
			.run(new LocalEngine(), o -> {});
		final Path spark = dir.resolve("blocks");
		try (Context context = new Context()) {
			final CommandModule m = context.service(CommandService.class).run(BatchCommand.class, true, "scans", scans.toFile(), "output",
				spark.toFile(), "engine", "spark", "master", "local[2]", "blocks", 3, "align", false, "points", 128, "k", 8, "threads", 1).get();
			assertFalse(m.isCanceled(), m.getCancelReason());
		}
		for (final String scan : new String[] { "a", "b" })
			for (final String f : RESULTS)
				assertArrayEquals(Files.readAllBytes(local.resolve(scan).resolve(f)), Files.readAllBytes(spark.resolve(scan).resolve(f)), scan + "/" + f);
	}

	static void copy(final Path from, final Path to) throws Exception {
		try (Stream<Path> files = Files.walk(from)) {
			for (final Path p : files.toList()) {
				final Path target = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) Files.createDirectories(target);
				else Files.copy(p, target);
			}
		}
	}
}
