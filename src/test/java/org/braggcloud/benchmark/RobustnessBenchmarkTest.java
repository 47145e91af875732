package org.braggcloud.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.braggcloud.benchmark.Regime.BackgroundShape;
import org.braggcloud.benchmark.Regime.Style;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two small regimes end to end; quality is not asserted here (the science is judged elsewhere). */
class RobustnessBenchmarkTest {

	@TempDir
	Path dir;

	@Test
	void everyRowIsCompleteAndItsScoresInRange() throws IOException {
		final List<Regime> regimes = List.of(RegimeGrid.BASE,
			new Regime(Style.BLOB, 30, 1, BackgroundShape.FLAT, 48, 15, 6, 0));
		final List<RegimeResult> seen = new ArrayList<>();
		final long before = temporaryFolders();
		final List<RegimeResult> rows = new RobustnessBenchmark().scanSize(16, 12).seed(3).threads(2).run(regimes, seen::add);
		assertEquals(rows, seen, "each row handed on as it finished");
		assertEquals(2, rows.size());
		for (int i = 0; i < rows.size(); i++) {
			final RegimeResult r = rows.get(i);
			System.out.println(RegimeTable.markdownRow(r));
			assertEquals(regimes.get(i), r.regime());
			for (final RunScore s : List.of(r.given(), r.automatic())) {
				assertNull(s.failure(), "a small regime runs: " + s.failure());
				assertTrue(s.ari() >= -1 && s.ari() <= 1, "ARI " + s.ari());
				assertTrue(s.maskIoU() >= 0 && s.maskIoU() <= 1, "IoU " + s.maskIoU());
				assertTrue(s.k() >= 1, "K " + s.k());
				assertTrue(s.seconds() > 0);
			}
			assertEquals(r.regime().domains(), r.given().k(), "K given is the true count");
			assertTrue(r.seconds() >= r.simulationSeconds() + r.given().seconds() + r.automatic().seconds() - 1e-6);
		}
		assertEquals(before, temporaryFolders(), "temporary folders deleted");

		final Path csv = dir.resolve("robustness.csv");
		RegimeTable.writeCsv(csv, rows);
		final List<String> lines = Files.readAllLines(csv);
		assertEquals(3, lines.size());
		assertTrue(lines.get(1).startsWith("blob,200,0.1,flat,48,15,4,1.5,true,"), lines.get(1));
		assertFalse(Files.exists(dir.resolve("robustness.csv.partial")));
		final String table = RegimeTable.markdown(rows);
		assertEquals(4, table.lines().count());
		assertEquals(13 + 2, table.lines().skip(2).findFirst().orElseThrow().split("\\|", -1).length, "13 columns between the bars");
	}

	@Test
	void aFailedRunIsARowWithItsReason() {
		final RunScore failed = RunScore.failed("failed: prepare the scan: the particle mask holds 0 scan points", 1);
		final RegimeResult r = new RegimeResult(RegimeGrid.BASE, failed, failed, 0.5, 2.5);
		final String row = RegimeTable.markdownRow(r);
		assertTrue(row.contains("| n/a |") && row.contains("mask holds 0"), row);
		assertTrue(RegimeTable.csvRow(r).endsWith("\"failed: prepare the scan: the particle mask holds 0 scan points\""), RegimeTable.csvRow(r));
	}

	private static long temporaryFolders() throws IOException {
		try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
			return s.filter(p -> p.getFileName().toString().startsWith("bragg-cloud-robustness")).count();
		}
	}
}
