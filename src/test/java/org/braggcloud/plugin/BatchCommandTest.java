package org.braggcloud.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.braggcloud.TestContext;
import org.braggcloud.batch.BatchSummary;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.pipeline.FeatureKind;
import org.braggcloud.pipeline.Pipeline;
import org.braggcloud.pipeline.PipelineOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;

/**
 * A batch of three scans, one of them broken: the two good ones give the single run's results
 * byte for byte, the broken one is a row of the summary with its message and leaves no folder, and
 * a second run skips what is complete.
 */
class BatchCommandTest {

	private static final Path TINY = Path.of("test-images/tiny-tiff-frames").toAbsolutePath();
	/** The files a run's science is in; report.html carries the run's timings. */
	private static final List<String> RESULTS = List.of("mask.tif", "maps/maps.csv", "clouds/clouds.h5", "features.csv", "labels.csv",
		"clusters.csv", "cluster_count.csv");

	@TempDir
	Path dir;

	@Test
	void everyScanRunsAFailureIsARowAndASecondRunSkipsWhatIsComplete() throws Exception {
		final Path scans = dir.resolve("scans");
		for (final String s : new String[] { "a", "b" }) copy(TINY, scans.resolve(s));
		Files.createDirectories(scans.resolve("broken"));
		Files.writeString(scans.resolve("broken/scan.json"), "{}");
		final Path out = dir.resolve("out");
		final CommandModule m = batch(scans, out);
		assertFalse(m.isCanceled(), m.getCancelReason());

		final List<String> rows = Files.readAllLines(out.resolve(BatchSummary.TABLE));
		assertEquals(4, rows.size(), rows.toString());
		assertTrue(rows.get(1).contains("/scans/a/scan.json") && rows.get(1).contains(",done,"), rows.get(1));
		assertTrue(rows.get(2).contains("/scans/b/scan.json") && rows.get(2).contains(",done,"), rows.get(2));
		assertTrue(rows.get(3).contains("/scans/broken/scan.json") && rows.get(3).contains(",failed,") && rows.get(3).contains("missing"),
			rows.get(3));
		assertFalse(Files.exists(out.resolve("broken")), "a failed scan leaves no folder");
		assertTrue(Files.readString(out.resolve(BatchSummary.PAGE)).contains("href=\"a/report.html\""));

		for (final String scan : new String[] { "a", "b" }) {
			// the single run reads the same descriptor: the containers record which scan they came from
			final Path single = dir.resolve("single-" + scan);
			try (OutputFolder o = OutputFolder.create(single, false, "output")) {
				new Pipeline(new PipelineOptions(0, false, FeatureKind.DESCRIPTORS, null, 0, 128, 8, 1, 2, false))
					.run(scans.resolve(scan).resolve("scan.json"), o);
			}
			for (final String f : RESULTS)
				assertArrayEquals(Files.readAllBytes(single.resolve(f)), Files.readAllBytes(out.resolve(scan).resolve(f)), scan + "/" + f);
		}

		final long before = Files.getLastModifiedTime(out.resolve("a/labels.csv")).toMillis();
		assertFalse(batch(scans, out).isCanceled());
		final List<String> again = Files.readAllLines(out.resolve(BatchSummary.TABLE));
		assertTrue(again.get(1).contains(",skipped,") && again.get(2).contains(",skipped,") && again.get(3).contains(",failed,"), again.toString());
		assertEquals(before, Files.getLastModifiedTime(out.resolve("a/labels.csv")).toMillis(), "a complete result is left alone");
	}

	@Test
	void aScanThatAnEarlierRunLeftHalfDoneIsRunAgain() throws Exception {
		final Path scans = dir.resolve("scans");
		copy(TINY, scans.resolve("a"));
		final Path out = dir.resolve("out");
		// what a task killed after its first steps leaves: some results, no report
		try (OutputFolder o = OutputFolder.create(out.resolve("a"), false, "output")) {
			Files.writeString(o.stage("mask.tif"), "from a run that was killed");
			o.commit();
		}
		assertFalse(batch(scans, out).isCanceled());
		final List<String> rows = Files.readAllLines(out.resolve(BatchSummary.TABLE));
		assertTrue(rows.get(1).contains(",done,"), rows.get(1));
		assertTrue(Files.isRegularFile(out.resolve("a/report.html")));
		assertFalse(Files.readString(out.resolve("a/mask.tif"), java.nio.charset.StandardCharsets.ISO_8859_1).contains("killed"));
	}

	private static CommandModule batch(final Path scans, final Path out) throws Exception {
		return TestContext.run(BatchCommand.class, "scans", scans.toFile(), "output", out.toFile(), "align", false, "points", 128, "k", 8,
			"threads", 2);
	}

	private static void copy(final Path from, final Path to) throws Exception {
		try (Stream<Path> files = Files.walk(from)) {
			for (final Path p : files.toList()) {
				final Path target = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) Files.createDirectories(target);
				else Files.copy(p, target);
			}
		}
	}
}
