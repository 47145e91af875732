package org.braggcloud.io.scan;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.braggcloud.scan.DetectorSpec;
import org.braggcloud.scan.ExperimentGeometry;
import org.braggcloud.scan.FrameFiles;
import org.braggcloud.scan.FrameFormat;
import org.braggcloud.scan.FrameOrder;
import org.braggcloud.scan.ScanDescriptor;
import org.braggcloud.scan.ScanFormatException;
import org.braggcloud.scan.ScanGrid;

/**
 * Parses and checks a {@code scan.json} descriptor. Every problem is reported with the file, the
 * JSON field and what was expected; malformed JSON with its line and column. Only the descriptor
 * is read here; {@link ScanOpener} checks the files it names.
 */
public final class ScanDescriptorReader {

	/** HXN's frame dataset, used when an HDF5 descriptor names none. */
	public static final String DEFAULT_DATASET = "entry/instrument/detector/data";

	private static final ObjectMapper JSON = JsonMapper.builder()
		.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

	private final Path file;

	private ScanDescriptorReader(final Path file) {
		this.file = file;
	}

	public static ScanDescriptor read(final Path file) throws IOException {
		return new ScanDescriptorReader(file.toAbsolutePath().normalize()).parse();
	}

	private ScanDescriptor parse() throws IOException {
		if (!Files.isRegularFile(file)) throw new ScanFormatException(file, null, "scan descriptor not found");
		if (!Files.isReadable(file)) throw new ScanFormatException(file, null, "scan descriptor is not readable");
		final JsonNode root;
		try {
			root = JSON.readTree(file.toFile());
		}
		catch (final JsonProcessingException e) {
			final var loc = e.getLocation();
			final String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
			// Jackson's own words for NaN or Infinity name a parser feature, not the user's mistake
			final String message = e.getOriginalMessage() != null && e.getOriginalMessage().contains("ALLOW_NON_NUMERIC_NUMBERS")
				? "NaN and Infinity are not numbers in JSON; give every angle, size and distance as a finite number"
				: e.getOriginalMessage();
			throw new ScanFormatException(file, null, "malformed JSON" + where + ": " + message, e);
		}
		if (root == null || !root.isObject()) throw new ScanFormatException(file, null, "expected a JSON object at the top level");

		final String name = root.has("name") ? text(root, "name", "name") : stem(file);
		final JsonNode scan = object(root, "scan", "scan", true);
		final ScanGrid grid;
		try {
			grid = new ScanGrid(positiveInt(scan, "nx", "scan.nx"), positiveInt(scan, "ny", "scan.ny"), positiveNumber(scan, "step_um", "scan.step_um"));
		}
		catch (final IllegalArgumentException e) {
			throw new ScanFormatException(file, "scan", e.getMessage());
		}
		final double[] angles = angles(root);
		final FrameFiles frames = frames(object(root, "frames", "frames", true), angles.length);
		final List<Path> xrf = root.has("xrf") ? files(object(root, "xrf", "xrf", true), "xrf.files", angles.length) : List.of();
		final DetectorSpec detector = detector(object(root, "detector", "detector", false));
		final ExperimentGeometry geometry = geometry(object(root, "geometry", "geometry", false));
		return new ScanDescriptor(file, name, grid, angles, frames, xrf, detector, geometry);
	}

	private double[] angles(final JsonNode root) throws ScanFormatException {
		final JsonNode node = root.get("angles_deg");
		if (node == null) throw missing("angles_deg", "an array of rocking angles in degrees, one per rocking scan");
		if (!node.isArray() || node.isEmpty()) throw new ScanFormatException(file, "angles_deg", "expected a non-empty array of numbers, found " + describe(node));
		final double[] angles = new double[node.size()];
		for (int i = 0; i < angles.length; i++) {
			final JsonNode a = node.get(i);
			if (!a.isNumber() || !Double.isFinite(a.asDouble())) throw new ScanFormatException(file, "angles_deg[" + i + "]", "expected a number, found " + describe(a));
			angles[i] = a.asDouble();
		}
		// every step (maps, clouds, drift) takes angle index order for rocking order, so the
		// angles must run one way; a repeated angle is a repeated or mislabelled rocking scan
		if (angles.length > 1) {
			final double direction = Math.signum(angles[1] - angles[0]);
			for (int i = 1; i < angles.length; i++) {
				if (angles[i] == angles[i - 1])
					throw new ScanFormatException(file, "angles_deg[" + i + "]", angles[i] + " repeats angles_deg[" + (i - 1) + "]; expected one rocking scan per angle");
				if (Math.signum(angles[i] - angles[i - 1]) != direction)
					throw new ScanFormatException(file, "angles_deg[" + i + "]", angles[i] + " after " + angles[i - 1] + " breaks the order of the angles before it; "
						+ "expected angles that increase (or decrease) throughout, frames listed in the same order");
			}
		}
		return angles;
	}

	private FrameFiles frames(final JsonNode frames, final int angleCount) throws ScanFormatException {
		final String formatKey = text(frames, "format", "frames.format").toLowerCase(Locale.ROOT);
		final FrameFormat format = switch (formatKey) {
			case "tiff", "tif" -> FrameFormat.TIFF;
			case "hdf5", "h5" -> FrameFormat.HDF5;
			default -> throw new ScanFormatException(file, "frames.format", "expected \"tiff\" or \"hdf5\", found \"" + formatKey + "\"");
		};
		FrameOrder order = FrameOrder.FRAMES;
		if (frames.has("order")) {
			final String key = text(frames, "order", "frames.order").toLowerCase(Locale.ROOT);
			order = switch (key) {
				case "frames" -> FrameOrder.FRAMES;
				case "columns" -> FrameOrder.COLUMNS;
				default -> throw new ScanFormatException(file, "frames.order", "expected \"frames\" or \"columns\", found \"" + key + "\"");
			};
			if (format == FrameFormat.HDF5 && order != FrameOrder.FRAMES)
				throw new ScanFormatException(file, "frames.order", "HDF5 frames are always (frames, rows, columns); order \"columns\" applies to TIFF only");
		}
		final String dataset = format == FrameFormat.HDF5 ? (frames.has("dataset") ? text(frames, "dataset", "frames.dataset") : DEFAULT_DATASET) : null;
		boolean flip = false;
		if (frames.has("flip_vertical")) {
			final JsonNode f = frames.get("flip_vertical");
			if (!f.isBoolean()) throw new ScanFormatException(file, "frames.flip_vertical", "expected true or false, found " + describe(f));
			flip = f.booleanValue();
		}
		return new FrameFiles(format, order, files(frames, "frames.files", angleCount), dataset, flip);
	}

	private List<Path> files(final JsonNode parent, final String field, final int angleCount) throws ScanFormatException {
		final JsonNode node = parent.get("files");
		if (node == null) throw missing(field, "an array of file names, one per rocking angle");
		if (!node.isArray()) throw new ScanFormatException(file, field, "expected an array of file names, found " + describe(node));
		if (node.size() != angleCount)
			throw new ScanFormatException(file, field, node.size() + " files for " + angleCount + " angles in 'angles_deg'; expected one file per angle");
		final List<Path> paths = new ArrayList<>();
		final Path dir = file.getParent();
		for (int i = 0; i < node.size(); i++) {
			final JsonNode f = node.get(i);
			if (!f.isTextual() || f.asText().isBlank()) throw new ScanFormatException(file, field + "[" + i + "]", "expected a file name, found " + describe(f));
			final Path p = dir.resolve(f.asText()).normalize();
			final int first = paths.indexOf(p);
			if (first >= 0)
				throw new ScanFormatException(file, field + "[" + i + "]", "'" + f.asText() + "' is already " + field + "[" + first + "]; expected a different file for every angle");
			paths.add(p);
		}
		return paths;
	}

	private DetectorSpec detector(final JsonNode node) throws ScanFormatException {
		if (node == null) return DetectorSpec.UNKNOWN;
		return new DetectorSpec(optionalPositive(node, "pixel_um", "detector.pixel_um"),
			optionalPositive(node, "distance_um", "detector.distance_um"));
	}

	private ExperimentGeometry geometry(final JsonNode node) throws ScanFormatException {
		if (node == null) return null;
		final double energy = positiveNumber(node, "energy_kev", "geometry.energy_kev");
		final double delta = number(node, "delta_deg", "geometry.delta_deg");
		final double gamma = number(node, "gamma_deg", "geometry.gamma_deg");
		final double bragg = node.has("bragg_deg") ? number(node, "bragg_deg", "geometry.bragg_deg") : Double.NaN;
		return new ExperimentGeometry(energy, delta, gamma, bragg);
	}

	// -- field helpers --

	private JsonNode object(final JsonNode parent, final String key, final String field, final boolean required) throws ScanFormatException {
		final JsonNode node = parent.get(key);
		if (node == null || node.isNull()) {
			if (required) throw missing(field, "an object");
			return null;
		}
		if (!node.isObject()) throw new ScanFormatException(file, field, "expected an object, found " + describe(node));
		return node;
	}

	private String text(final JsonNode parent, final String key, final String field) throws ScanFormatException {
		final JsonNode node = parent.get(key);
		if (node == null) throw missing(field, "a string");
		if (!node.isTextual()) throw new ScanFormatException(file, field, "expected a string, found " + describe(node));
		return node.asText();
	}

	private double number(final JsonNode parent, final String key, final String field) throws ScanFormatException {
		final JsonNode node = parent.get(key);
		if (node == null) throw missing(field, "a number");
		if (!node.isNumber() || !Double.isFinite(node.asDouble())) throw new ScanFormatException(file, field, "expected a number, found " + describe(node));
		return node.asDouble();
	}

	private double positiveNumber(final JsonNode parent, final String key, final String field) throws ScanFormatException {
		final double v = number(parent, key, field);
		if (!(v > 0)) throw new ScanFormatException(file, field, "expected a positive number, found " + v);
		return v;
	}

	private double optionalPositive(final JsonNode parent, final String key, final String field) throws ScanFormatException {
		return parent.has(key) ? positiveNumber(parent, key, field) : Double.NaN;
	}

	private int positiveInt(final JsonNode parent, final String key, final String field) throws ScanFormatException {
		final JsonNode node = parent.get(key);
		if (node == null) throw missing(field, "a positive integer");
		if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() <= 0)
			throw new ScanFormatException(file, field, "expected a positive integer, found " + describe(node));
		return node.asInt();
	}

	private ScanFormatException missing(final String field, final String expected) {
		return new ScanFormatException(file, field, "missing; expected " + expected);
	}

	private static String describe(final JsonNode node) {
		if (node == null) return "nothing";
		final String s = node.toString();
		return s.length() > 60 ? s.substring(0, 57) + "..." : s;
	}

	private static String stem(final Path p) {
		final Path parent = p.getParent();
		return parent != null && parent.getFileName() != null ? parent.getFileName().toString() : p.getFileName().toString();
	}
}
