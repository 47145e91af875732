package org.braggcloud.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

class BenchmarkRobustnessCommandTest {

	@TempDir
	Path dir;

	@Test
	void oneRegimeGivesATableAndACsv() throws Exception {
		final Path csv = dir.resolve("rows.csv");
		try (Context context = new Context()) {
			final CommandModule m = context.service(CommandService.class).run(BenchmarkRobustnessCommand.class, true, "regimes", "axes",
				"limit", 1, "scan_size", "16x12", "threads", 2, "output", csv.toFile()).get();
			assertFalse(m.isCanceled(), m.getCancelReason());
			final String report = (String) m.getOutput("report");
			assertTrue(report.contains("| style | peak max |") && report.contains("| blob | 200 | 0.1 | flat | 48 | 15 | 4 | 1.5 | yes |"),
				report);
		}
		assertEquals(2, Files.readAllLines(csv).size());
	}

	@Test
	void scanSizeReadsNxByNy() {
		assertArrayEquals(new int[] { 30, 24 }, BenchmarkRobustnessCommand.scanSize("30x24"));
		assertArrayEquals(new int[] { 16, 12 }, BenchmarkRobustnessCommand.scanSize(" 16 X 12 "));
		assertThrows(IllegalArgumentException.class, () -> BenchmarkRobustnessCommand.scanSize("30"));
		assertThrows(IllegalArgumentException.class, () -> BenchmarkRobustnessCommand.scanSize("ax3"));
	}
}
