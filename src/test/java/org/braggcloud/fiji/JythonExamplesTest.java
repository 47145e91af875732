package org.braggcloud.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.braggcloud.plugin.SimulateScanCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.script.ScriptService;

/** The Jython examples in scripts/examples, run through SciJava's ScriptService with their #@ inputs. */
class JythonExamplesTest {

	static final Path EXAMPLES = Path.of("scripts/examples");

	private static Context context;

	@TempDir
	static Path tmp;

	@BeforeAll
	static void start() {
		context = new Context();
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	/** A small simulated scan, the same size the ImageJ batch test uses. */
	static void simulate(final Context context, final Path out, final long seed) throws Exception {
		final CommandModule m = context.service(CommandService.class).run(SimulateScanCommand.class, true, "output", out.toFile(),
			"nx", 12, "ny", 10, "detector_rows", 32, "detector_columns", 32, "angles", 7, "domains", 2, "seed", seed).get();
		assertFalse(m.isCanceled(), () -> String.valueOf(m.getCancelReason()));
	}

	static void assertMaps(final Path folder) {
		final ImagePlus strain = IJ.openImage(folder.resolve("maps/strain.tif").toString());
		assertEquals(12, strain.getWidth(), folder.toString());
		assertEquals(10, strain.getHeight(), folder.toString());
		final ImagePlus mask = IJ.openImage(folder.resolve("mask.tif").toString());
		assertEquals(12 * 10, mask.getWidth() * mask.getHeight());
		assertTrue(Files.isRegularFile(folder.resolve("maps/maps.csv")), folder + "/maps/maps.csv");
	}

	@Test
	void conventionalMapsScript() throws Exception {
		final Path scan = tmp.resolve("single/scan");
		simulate(context, scan, 3);
		final Path out = tmp.resolve("single/out");
		final Module m = context.service(ScriptService.class).run(EXAMPLES.resolve("conventional_maps.py").toFile(), true,
			Map.of("scan", scan.resolve("scan.json").toFile(), "output", out.toFile())).get();
		assertMaps(out);
		assertEquals(out.resolve("maps").toString(), m.getOutput("maps"));
	}

	@Test
	void conventionalMapsBatchScript() throws Exception {
		final Path scans = tmp.resolve("batch/scans");
		simulate(context, scans.resolve("a"), 4);
		simulate(context, scans.resolve("b"), 5);
		Files.createDirectories(scans.resolve("not-a-scan"));
		final Path out = tmp.resolve("batch/out");
		final Module m = context.service(ScriptService.class).run(EXAMPLES.resolve("conventional_maps_batch.py").toFile(), true,
			Map.of("input", scans.toFile(), "output", out.toFile())).get();
		assertEquals(2, ((Number) m.getOutput("processed")).intValue());
		assertMaps(out.resolve("a"));
		assertMaps(out.resolve("b"));
		assertFalse(Files.exists(out.resolve("not-a-scan")));
	}

	/** Pipeline outputs of a 12 x 10 scan: a cluster map on the scan grid and the report. */
	static void assertDomains(final Path folder) {
		final ImagePlus clusters = IJ.openImage(folder.resolve("clusters.tif").toString());
		assertEquals(12, clusters.getWidth(), folder.toString());
		assertEquals(10, clusters.getHeight(), folder.toString());
		assertTrue(clusters.getProcessor().getStatistics().max >= 1, "at least one domain in " + folder);
		assertTrue(Files.isRegularFile(folder.resolve("report.html")), folder + "/report.html");
		// the pipeline writes the maps step's files where Conventional Maps writes them
		assertMaps(folder);
	}

	@Test
	void pipelineScript() throws Exception {
		final Path scan = tmp.resolve("pipeline/scan");
		simulate(context, scan, 6);
		final Path out = tmp.resolve("pipeline/out");
		final Module m = context.service(ScriptService.class).run(EXAMPLES.resolve("pipeline.py").toFile(), true,
			Map.of("scan", scan.resolve("scan.json").toFile(), "output", out.toFile(), "clusters", 2)).get();
		assertDomains(out);
		assertEquals(2, (int) IJ.openImage(out.resolve("clusters.tif").toString()).getProcessor().getStatistics().max);
		assertEquals(out.resolve("report.html").toString(), m.getOutput("report"));
	}

	@Test
	void pipelineBatchScript() throws Exception {
		final Path scans = tmp.resolve("pipeline-batch/scans");
		simulate(context, scans.resolve("a"), 7);
		simulate(context, scans.resolve("b"), 8);
		final Path out = tmp.resolve("pipeline-batch/out");
		final Module m = context.service(ScriptService.class).run(EXAMPLES.resolve("pipeline_batch.py").toFile(), true,
			Map.of("input", scans.toFile(), "output", out.toFile())).get();
		assertEquals(2, ((Number) m.getOutput("processed")).intValue());
		assertDomains(out.resolve("a"));
		assertDomains(out.resolve("b"));
	}

	@Test
	void scriptsShipInTheJarFromTheOneCopyInScriptsExamples() throws Exception {
		for (final String name : new String[] { "conventional_maps.ijm", "conventional_maps_batch.ijm", "conventional_maps.py",
			"conventional_maps_batch.py", "pipeline.ijm", "pipeline_batch.ijm", "pipeline.py", "pipeline_batch.py" }) {
			final String folder = name.endsWith(".py") ? "Jython_Examples/" : "Macro_Examples/";
			final File shipped = new File(getClass().getClassLoader().getResource("scripts/Plugins/Bragg_Cloud/" + folder + name).toURI());
			assertEquals(Files.readString(EXAMPLES.resolve(name)), Files.readString(shipped.toPath()), name);
		}
	}
}
