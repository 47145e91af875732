package org.braggcloud.network.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.braggcloud.network.NeighbourSearch;
import org.braggcloud.scan.ScanFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model folder with a broken model.json is refused naming the file and the field. */
class ModelFolderTest {

	private static final Path SHIPPED = Path.of("src/main/resources/org/braggcloud/network/shipped");
	private static final ModelFolder.Settings DEFAULTS = new ModelFolder.Settings(32, "auto", 2048, false, InputPoints.FARTHEST,
		NeighbourSearch.TREE, Map.of());

	@TempDir
	Path dir;

	/** A copy of the shipped model whose model.json says {@code json}. */
	private Path model(final String name, final String json) throws Exception {
		final Path m = dir.resolve(name);
		try (Stream<Path> files = Files.walk(SHIPPED)) {
			for (final Path f : files.toList()) {
				final Path to = m.resolve(SHIPPED.relativize(f).toString());
				if (Files.isDirectory(f)) Files.createDirectories(to);
				else Files.copy(f, to);
			}
		}
		if (json != null) Files.writeString(m.resolve("model.json"), json);
		return m;
	}

	private void refused(final Path model, final String... words) {
		final ScanFormatException e = assertThrows(ScanFormatException.class, () -> ModelFolder.load(model, DEFAULTS));
		assertTrue(e.getMessage().contains("model.json"), e.getMessage());
		for (final String w : words) assertTrue(e.getMessage().contains(w), e.getMessage());
	}

	@Test
	void theCopyLoads() throws Exception {
		assertEquals(16, ModelFolder.load(model("good", null), DEFAULTS).settings().k());
	}

	@Test
	void brokenFieldsAreRefusedWithTheirNames() throws Exception {
		final String json = Files.readString(SHIPPED.resolve("model.json"));
		refused(model("zero-k", json.replaceFirst("\"k\"\\s*:\\s*16", "\"k\": 0")), "'k'", ">= 1", "found 0");
		refused(model("negative-points", json.replaceFirst("\"points\"\\s*:\\s*\\d+", "\"points\": -1")), "'points'", "found -1");
		refused(model("malformed", "{ \"architecture\": \"foldingnet\", "), "malformed JSON", "line 1");
	}
}
