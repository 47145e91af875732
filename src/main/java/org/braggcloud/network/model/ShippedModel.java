package org.braggcloud.network.model;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

import org.braggcloud.network.NeighbourSearch;

/**
 * The FoldingNet trained on the simulator's whole range of Bragg peaks that ships inside the
 * plugin (a model folder under {@value #FOLDER} in the jar), so learned features need no training
 * on the user's machine. How it was trained is in its {@code model.json} and in the README.
 */
public final class ShippedModel {

	static final String FOLDER = "/org/braggcloud/network/shipped";

	private ShippedModel() {}

	public static boolean available() {
		return ShippedModel.class.getResource(FOLDER + "/model.json") != null;
	}

	/** Loads the shipped model; read from the jar itself when the plugin runs from one. */
	public static ModelFolder.Model load() throws IOException {
		final URL url = ShippedModel.class.getResource(FOLDER + "/model.json");
		if (url == null) throw new IOException("this build of Bragg Cloud ships no FoldingNet model (" + FOLDER.substring(1)
			+ "/model.json is not in its jar): give a model folder or checkpoint as 'model'");
		return load(url);
	}

	/** The model folder whose {@code model.json} is at {@code url}: a file, or an entry of a jar. */
	static ModelFolder.Model load(final URL url) throws IOException {
		final URI uri;
		try {
			uri = url.toURI();
		}
		catch (final URISyntaxException e) {
			throw new IOException("cannot locate the shipped model at " + url, e);
		}
		final ModelFolder.Settings defaults = new ModelFolder.Settings(16, ModelFolder.AUTO_GRID, 512, true, InputPoints.FARTHEST,
			NeighbourSearch.TREE, Map.of());
		if (!"jar".equals(uri.getScheme())) return ModelFolder.load(Path.of(uri).getParent(), defaults);
		final String entry = uri.getSchemeSpecificPart().substring(uri.getSchemeSpecificPart().indexOf("!/") + 1);
		FileSystem fs;
		boolean opened = false;
		try {
			fs = FileSystems.newFileSystem(uri, Map.of());
			opened = true;
		}
		catch (final FileSystemAlreadyExistsException e) {
			fs = FileSystems.getFileSystem(uri);
		}
		try {
			return ModelFolder.load(fs.getPath(entry).getParent(), defaults);
		}
		finally {
			if (opened) fs.close();
		}
	}
}
