package org.braggcloud.io.scan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;

import org.braggcloud.scan.FrameFormat;
import org.braggcloud.scan.ScanDescriptor;

/** Writes a {@code scan.json}, naming every file relative to the descriptor's folder. */
public final class ScanDescriptorWriter {

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private ScanDescriptorWriter() {}

	/**
	 * @param descriptor the scan; its file paths are made relative to {@code folder}
	 * @param folder     the folder the descriptor will live in once complete
	 * @param file       where to write the descriptor now (possibly a staging path)
	 */
	public static void write(final ScanDescriptor descriptor, final Path folder, final Path file) throws IOException {
		final ObjectNode root = JSON.createObjectNode();
		root.put("name", descriptor.name());
		final ObjectNode scan = root.putObject("scan");
		scan.put("nx", descriptor.grid().nx());
		scan.put("ny", descriptor.grid().ny());
		scan.put("step_um", descriptor.grid().stepUm());
		final ArrayNode angles = root.putArray("angles_deg");
		for (final double a : descriptor.anglesDeg())
			angles.add(a);
		final ObjectNode frames = root.putObject("frames");
		frames.put("format", descriptor.frames().format().key());
		final ArrayNode files = frames.putArray("files");
		descriptor.frames().files().forEach(p -> files.add(relative(folder, p)));
		if (descriptor.frames().format() == FrameFormat.TIFF) frames.put("order", descriptor.frames().order().key());
		else frames.put("dataset", descriptor.frames().dataset());
		frames.put("flip_vertical", descriptor.frames().flipVertical());
		if (descriptor.hasXrf()) {
			final ArrayNode xrf = root.putObject("xrf").putArray("files");
			descriptor.xrfFiles().forEach(p -> xrf.add(relative(folder, p)));
		}
		if (descriptor.detector().hasPixelSize() || descriptor.detector().hasDistance()) {
			final ObjectNode det = root.putObject("detector");
			if (descriptor.detector().hasPixelSize()) det.put("pixel_um", descriptor.detector().pixelUm());
			if (descriptor.detector().hasDistance()) det.put("distance_um", descriptor.detector().distanceUm());
		}
		if (descriptor.hasGeometry()) {
			final ObjectNode g = root.putObject("geometry");
			g.put("energy_kev", descriptor.geometry().energyKev());
			g.put("delta_deg", descriptor.geometry().deltaDeg());
			g.put("gamma_deg", descriptor.geometry().gammaDeg());
			if (descriptor.geometry().hasBraggAngle()) g.put("bragg_deg", descriptor.geometry().braggDeg());
		}
		JSON.writeValue(file.toFile(), root);
	}

	private static String relative(final Path folder, final Path file) {
		return folder.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
	}
}
