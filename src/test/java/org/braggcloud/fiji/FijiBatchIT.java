package org.braggcloud.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.braggcloud.benchmark.SegmentationScore;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.pipeline.FeatureKind;
import org.braggcloud.pipeline.Pipeline;
import org.braggcloud.pipeline.PipelineOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * ImageJ 1.x as Fiji runs it, after packaging: a Fiji.app folder laid out the way
 * {@code mvn install -Dscijava.app.directory=...} does (our jar in plugins/, the runtime
 * dependencies in jars/), then real ImageJ processes under Xvfb: macros in batch mode calling
 * the commands by their menu titles and the example macros, and the macro recorder watching a
 * user fill in the Conventional Maps dialog, whose recording is replayed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FijiBatchIT {

	private static final Path EXAMPLES = Path.of("scripts/examples").toAbsolutePath();
	private static final String SIMULATE = "nx=12 ny=10 detector_rows=32 detector_columns=32 angles=7 domains=2";
	private static Path app, work;

	@BeforeAll
	static void layOutFijiApp() throws IOException {
		assertTrue(onPath("xvfb-run"), "xvfb-run is missing: install Debian's xvfb and xauth (scripts/bragg-cloud test does)");
		final Path target = Path.of("target").toAbsolutePath();
		app = target.resolve("it/Fiji.app");
		work = target.resolve("it/work");
		delete(target.resolve("it"));
		Files.createDirectories(app.resolve("plugins"));
		Files.createDirectories(app.resolve("jars"));
		Files.createDirectories(work);
		final Path jar = Path.of(System.getProperty("braggcloud.jar", "target/Bragg_Cloud-0.1.0-SNAPSHOT.jar"));
		Files.copy(jar, app.resolve("plugins").resolve(jar.getFileName()));
		final String classpath = Files.readString(Path.of(System.getProperty("braggcloud.classpath", "target/runtime-classpath.txt"))).strip();
		for (final String entry : classpath.split(File.pathSeparator)) {
			final Path dep = Path.of(entry);
			// Links, not copies: libtorch alone is 115 MB; ImageJ sees the same jars either way.
			Files.createSymbolicLink(app.resolve("jars").resolve(dep.getFileName()), dep);
		}
	}

	@Test
	@Order(1)
	void batchMacrosRunCommandsAndTheExampleMacros() throws Exception {
		final String macro = "setBatchMode(true);\n"
			+ simulate("single", 3) + simulate("scans/a", 4) + simulate("scans/b", 5)
			+ "runMacro(\"" + EXAMPLES.resolve("conventional_maps.ijm") + "\", \"scan=[" + work.resolve("single/scan.json") + "] output=["
			+ work.resolve("single-maps") + "]\");\n"
			+ "runMacro(\"" + EXAMPLES.resolve("conventional_maps_batch.ijm") + "\", \"input=[" + work.resolve("scans") + "] output=["
			+ work.resolve("batch-maps") + "]\");\n"
			// File > Open Samples: the sample unpacked from the jar in plugins/, opened as a scan.
			+ "run(\"Bragg Cloud sample scan\");\n"
			+ "for (i = 1; i <= nImages; i++) { selectImage(i); print(\"sample image: \" + getTitle() + \" \" + getWidth() + \"x\" + getHeight()); }\n";
		final String log = imagejBatch("examples.ijm", macro);
		assertTrue(log.contains("sample image: simulated (seed 2026) intensity 40x30"), log);
		assertTrue(log.contains("sample image: simulated (seed 2026) mean pattern"), log);
		assertMaps(work.resolve("single-maps"), log);
		assertTrue(Files.isRegularFile(work.resolve("single-maps/shifts.csv")), "align on: shifts.csv\n" + log);
		assertMaps(work.resolve("batch-maps/a"), log);
		assertMaps(work.resolve("batch-maps/b"), log);
	}

	@Test
	@Order(2)
	void recordedDialogReplaysTheSameRun() throws Exception {
		final Path scan = work.resolve("single/scan.json");
		assertTrue(Files.isRegularFile(scan), "the batch test simulates the scan first");
		final Path out = work.resolve("recorded-maps");
		final Path recorded = work.resolve("recorded.txt");
		final Path probe = work.resolve("probe-classes/org/braggcloud/fiji");
		Files.createDirectories(probe);
		// Only the probe: the test classes also hold a Jython language plug-in, without Jython.
		final Path classes = Path.of(System.getProperty("braggcloud.testClasses", "target/test-classes"));
		Files.copy(classes.resolve("org/braggcloud/fiji/RecorderProbe.class"), probe.resolve("RecorderProbe.class"), StandardCopyOption.REPLACE_EXISTING);
		final String log = run(List.of("xvfb-run", "-a", "java", "-Xmx1g", "-Dplugins.dir=" + app,
			"-cp", app + "/jars/*:" + app + "/plugins/*:" + work.resolve("probe-classes"), RecorderProbe.class.getName(),
			scan.toString(), out.toString(), recorded.toString()), "probe");
		final Matcher m = Pattern.compile("run\\(\"Conventional Maps\", \"([^\"]*)\"\\);").matcher(Files.readString(recorded));
		assertTrue(m.find(), "recorded: " + Files.readString(recorded) + "\n" + log);
		final String options = m.group(1);
		// The keys ImageJ recorded are the parameter names --run uses; unchecked boxes are left out.
		final Set<String> keys = new LinkedHashSet<>();
		for (final String token : options.replaceAll("\\[[^\\]]*\\]", "x").split(" "))
			if (!token.isBlank()) keys.add(token.contains("=") ? token.substring(0, token.indexOf('=')) : token);
		assertEquals(List.of("scan", "output", "threads", "overwrite"), new ArrayList<>(keys), options);
		assertTrue(options.contains("threads=1"), options);
		assertMaps(out, log);

		// Replay the recorded line in a fresh ImageJ: the same run, align still off (no shifts.csv).
		delete(out);
		final String replay = imagejBatch("replay.ijm", "setBatchMode(true);\n" + m.group() + "\n");
		assertMaps(out, replay);
		assertFalse(Files.exists(out.resolve("shifts.csv")), "align was off in the recording\n" + replay);
	}

	/**
	 * A held-out scan (24 x 18 points, four domains, drift) through the pipeline example macro in
	 * ImageJ 1.x batch mode, installed as Fiji installs plugins: its cluster map must match the
	 * truth as well as, and label for label the same as, the headless pipeline's on the same scan.
	 */
	@Test
	@Order(3)
	void pipelineMacroGivesTheHeadlessClusterMap() throws Exception {
		final Path scan = work.resolve("held-out");
		final Path viaMacro = work.resolve("held-out-macro");
		final String log = imagejBatch("pipeline.ijm", "setBatchMode(true);\n"
			+ "run(\"Simulate Nanodiffraction Scan\", \"output=[" + scan + "] nx=24 ny=18 domains=4 drift=1 seed=31\");\n"
			+ "runMacro(\"" + EXAMPLES.resolve("pipeline.ijm") + "\", \"scan=[" + scan.resolve("scan.json") + "] output=[" + viaMacro
			+ "] clusters=4\");\n"
			+ "runMacro(\"" + EXAMPLES.resolve("pipeline_batch.ijm") + "\", \"input=[" + work.resolve("scans") + "] output=["
			+ work.resolve("batch-domains") + "]\");\n");
		assertTrue(Files.isRegularFile(viaMacro.resolve("report.html")), "report.html\n" + log);
		assertTrue(Files.isRegularFile(work.resolve("batch-domains/a/clusters.tif")), "batch a\n" + log);
		assertTrue(Files.isRegularFile(work.resolve("batch-domains/b/clusters.tif")), "batch b\n" + log);
		final int[] macro = labels(viaMacro.resolve("clusters.tif"));
		final Path headless = work.resolve("held-out-headless");
		try (OutputFolder out = OutputFolder.create(headless, true, "output")) {
			new Pipeline(new PipelineOptions(4, true, FeatureKind.DESCRIPTORS, null, PipelineOptions.DEFAULT_EPOCHS,
				PipelineOptions.DEFAULT_POINTS, PipelineOptions.DEFAULT_K, 1, Runtime.getRuntime().availableProcessors(), false))
				.run(scan.resolve("scan.json"), out);
		}
		final int[] truth = labels(scan.resolve("truth/labels.tif"));
		final double macroAri = SegmentationScore.adjustedRandIndex(truth, macro);
		final double headlessAri = SegmentationScore.adjustedRandIndex(truth, labels(headless.resolve("clusters.tif")));
		System.out.printf("held-out 24 x 18 scan: ARI %.3f through the ImageJ macro, %.3f headless%n", macroAri, headlessAri);
		assertEquals(headlessAri, macroAri, 1e-9, "the macro and headless runs give the same map");
		// 0.93 measured; the issue asks 0.8 of a count the pipeline chooses, 0.9 of a given one on full-size scans
		assertTrue(macroAri >= 0.8, "adjusted Rand index " + macroAri + "\n" + log);
	}

	private static int[] labels(final Path tif) {
		final ImagePlus imp = IJ.openImage(tif.toString());
		final int[] l = new int[imp.getWidth() * imp.getHeight()];
		for (int i = 0; i < l.length; i++) l[i] = imp.getProcessor().get(i);
		return l;
	}

	private static String simulate(final String folder, final int seed) {
		return "run(\"Simulate Nanodiffraction Scan\", \"output=[" + work.resolve(folder) + "] " + SIMULATE + " seed=" + seed + "\");\n";
	}

	private static void assertMaps(final Path folder, final String log) {
		assertTrue(Files.isRegularFile(folder.resolve("maps/strain.tif")), folder + "/maps/strain.tif\n" + log);
		final ImagePlus strain = IJ.openImage(folder.resolve("maps/strain.tif").toString());
		assertEquals(12, strain.getWidth());
		assertEquals(10, strain.getHeight());
		assertEquals(32, strain.getBitDepth());
		final ImagePlus mask = IJ.openImage(folder.resolve("mask.tif").toString());
		assertEquals(12, mask.getWidth());
		assertTrue(Files.isRegularFile(folder.resolve("maps/maps.csv")));
	}

	/** ImageJ 1.x started the way Fiji's launcher does, running one macro in batch mode. */
	private static String imagejBatch(final String name, final String macro) throws Exception {
		final Path file = work.resolve(name);
		Files.writeString(file, macro);
		return run(List.of("xvfb-run", "-a", "java", "-Xmx1g", "-cp", app + "/jars/*:" + app + "/plugins/*", "ij.ImageJ",
			"-ijpath", app.toString(), "-batch", file.toString()), name);
	}

	private static String run(final List<String> command, final String name) throws Exception {
		final Path log = work.resolve(name + ".log");
		final Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!p.waitFor(300, TimeUnit.SECONDS)) {
			p.descendants().forEach(ProcessHandle::destroyForcibly);
			p.destroyForcibly();
			throw new AssertionError(name + " ran over 300 s\n" + Files.readString(log));
		}
		final String text = Files.readString(log);
		assertEquals(0, p.exitValue(), name + "\n" + text);
		return text;
	}

	private static boolean onPath(final String program) {
		for (final String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			if (Files.isExecutable(Path.of(dir, program))) return true;
		return false;
	}

	private static void delete(final Path folder) throws IOException {
		if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
		try (Stream<Path> paths = Files.walk(folder)) {
			for (final Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) Files.delete(p);
		}
	}
}
