package org.braggcloud.network.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped model is part of the plugin: it loads from the jar, with no file beside it and no network. */
class ShippedModelTest {

	@TempDir
	Path tmp;

	@Test
	void loadsFromInsideAJar() throws Exception {
		assertTrue(ShippedModel.available());
		final ModelFolder.Model onClasspath = ShippedModel.load();
		final Path folder = Path.of(ShippedModel.class.getResource(ShippedModel.FOLDER + "/model.json").toURI()).getParent();
		final Path jar = tmp.resolve("bragg-cloud.jar");
		try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file); Stream<Path> all = Files.walk(folder)) {
			for (final Path p : all.filter(Files::isRegularFile).toList()) {
				out.putNextEntry(new JarEntry(ShippedModel.FOLDER.substring(1) + "/" + folder.relativize(p).toString().replace('\\', '/')));
				out.write(Files.readAllBytes(p));
				out.closeEntry();
			}
		}
		final ModelFolder.Model fromJar = ShippedModel.load(new URL("jar:" + jar.toUri() + "!" + ShippedModel.FOLDER + "/model.json"));
		assertEquals(onClasspath.settings(), fromJar.settings());
		for (final String key : List.of("encoder.mlp1.0.weight", "encoder.mlp2.2.bias", "decoder.folding2.4.weight"))
			assertArrayEquals(onClasspath.weights().weight(key), fromJar.weights().weight(key), key);
		// a normalising model, whose placement the features carry beside the codeword
		assertTrue(fromJar.settings().normalize());
	}

	@Test
	void everyWeightIsFinite() throws IOException {
		final ModelFolder.Model m = ShippedModel.load();
		for (final String key : List.of("encoder.mlp1.0.weight", "encoder.conv2.weight", "encoder.mlp2.0.weight", "decoder.folding1.0.weight",
			"decoder.folding2.2.weight"))
			for (final float v : m.weights().weight(key))
				assertTrue(Float.isFinite(v), key);
	}
}
