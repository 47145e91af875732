package org.braggcloud.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.braggcloud.io.scan.ScanOpener;
import org.braggcloud.scan.RockingScan;
import org.scijava.io.AbstractIOPlugin;
import org.scijava.io.IOPlugin;
import org.scijava.io.location.FileLocation;
import org.scijava.io.location.Location;
import org.scijava.plugin.Plugin;

/**
 * Lets {@code IOService.open(".../scan.json")} return a {@link RockingScan}, alongside SCIFIO's
 * image formats in a full Fiji. Only JSON files that look like scan descriptors are claimed.
 */
@Plugin(type = IOPlugin.class)
public class ScanDescriptorIOPlugin extends AbstractIOPlugin<RockingScan> {

	@Override
	public Class<RockingScan> getDataType() {
		return RockingScan.class;
	}

	@Override
	public boolean supportsOpen(final Location source) {
		if (!(source instanceof FileLocation file)) return false;
		final Path path = file.getFile().toPath();
		if (!path.getFileName().toString().toLowerCase().endsWith(".json") || !Files.isRegularFile(path)) return false;
		try {
			// A cheap sniff: descriptors name their frames and angles near the top.
			final byte[] head = new byte[(int) Math.min(Files.size(path), 1 << 16)];
			try (var in = Files.newInputStream(path)) {
				in.readNBytes(head, 0, head.length);
			}
			final String text = new String(head, StandardCharsets.UTF_8);
			return text.contains("\"frames\"") && text.contains("\"angles_deg\"");
		}
		catch (final IOException e) {
			return false;
		}
	}

	@Override
	public RockingScan open(final Location source) throws IOException {
		if (!(source instanceof FileLocation file)) throw new IOException("Not a file: " + source);
		return ScanOpener.open(file.getFile().toPath());
	}
}
