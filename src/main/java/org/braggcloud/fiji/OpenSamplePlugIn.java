package org.braggcloud.fiji;

import ij.IJ;
import ij.plugin.PlugIn;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.braggcloud.plugin.OpenScanCommand;
import org.scijava.Context;
import org.scijava.command.CommandService;

/**
 * File > Open Samples > Bragg Cloud sample scan: the simulated scan that ships inside the jar
 * (about 6 MB of HDF5 frames) is copied to a temporary folder once per session and opened with
 * Open Nanodiffraction Scan.
 */
public class OpenSamplePlugIn implements PlugIn {

	/** Where the build puts test-images/sample inside the jar. */
	static final String RESOURCE = "org/braggcloud/sample/";

	private static Path copied;

	@Override
	public void run(final String arg) {
		try {
			final Path scan = sampleFolder().resolve("scan.json");
			final Context context = FijiContext.get();
			CommandPlugIn.execute(context, context.service(CommandService.class).getCommand(OpenScanCommand.class),
				Map.of("scan", scan.toFile()));
		}
		catch (final IOException e) {
			CommandPlugIn.report("Bragg Cloud sample scan", "could not unpack the sample: " + e.getMessage());
		}
	}

	/** The sample unpacked to a temporary folder (once per JVM). */
	public static synchronized Path sampleFolder() throws IOException {
		if (copied != null && Files.isRegularFile(copied.resolve("scan.json"))) return copied;
		final URL url = OpenSamplePlugIn.class.getClassLoader().getResource(RESOURCE + "scan.json");
		if (url == null) throw new IOException("the sample is not in this build (" + RESOURCE + ")");
		final Path target = Files.createTempDirectory("bragg-cloud-sample");
		if ("jar".equals(url.getProtocol())) {
			final JarURLConnection connection = (JarURLConnection) url.openConnection();
			connection.setUseCaches(false);
			try (JarFile jar = connection.getJarFile()) {
				for (final Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
					final JarEntry entry = e.nextElement();
					if (entry.isDirectory() || !entry.getName().startsWith(RESOURCE)) continue;
					final Path file = target.resolve(entry.getName().substring(RESOURCE.length()));
					Files.createDirectories(file.getParent());
					try (InputStream in = jar.getInputStream(entry)) {
						Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
					}
				}
			}
		}
		else {
			final Path source;
			try {
				source = Path.of(url.toURI()).getParent();
			}
			catch (final URISyntaxException e) {
				throw new IOException(e);
			}
			try (Stream<Path> files = Files.walk(source)) {
				for (final Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
					final Path file = target.resolve(source.relativize(p).toString());
					Files.createDirectories(file.getParent());
					Files.copy(p, file, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		IJ.showStatus("Bragg Cloud sample unpacked to " + target);
		copied = target;
		return target;
	}

}
