package org.braggcloud.network.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.braggcloud.network.NeighbourSearch;
import org.braggcloud.network.checkpoint.FoldingNetWeights;
import org.braggcloud.network.checkpoint.NpyArray;
import org.braggcloud.network.checkpoint.TorchCheckpoint;
import org.braggcloud.network.training.OptimizerState;
import org.braggcloud.scan.ScanFormatException;

/**
 * A trained model on disk, readable without Bragg Cloud: {@code model.json} says what the network
 * is and how to use it (architecture, k, grid, points, normalisation, provenance), and
 * {@code weights/<key>.npy} holds each parameter under the paper's state-dict key (pipeline.md
 * §5), so NumPy or PyTorch users can load it with a few lines.
 * <p>
 * {@link #load} also takes the paper's own checkpoints ({@code .pkl}/{@code .pt}, written by
 * torch.save), used exactly as trained: no normalisation.
 */
public final class ModelFolder {

	public static final String ARCHITECTURE = "foldingnet-foldnet";

	private static final String EXP_AVG = ".exp_avg";
	private static final String EXP_AVG_SQ = ".exp_avg_sq";
	private static final String STATE_JSON = "state.json";

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	/**
	 * What a model needs besides its weights; {@code neighbours} is the search it was trained
	 * with, which inference must repeat (pipeline.md §5; {@link NeighbourSearch}), and
	 * {@code input} the points it read of each cloud. A grid of {@code auto} stands for the one
	 * the weights fold: the plane for a 2-D grid, the paper's gaussian for a 3-D one.
	 */
	public record Settings(int k, String grid, int points, boolean normalize, InputPoints input, NeighbourSearch neighbours,
		Map<String, String> provenance) implements java.io.Serializable
	{

		public Settings {
			provenance = Map.copyOf(provenance);
		}

		/** The same settings, read the paper's way: raw clouds, their first points as stored. */
		public Settings asPaper() {
			return new Settings(k, grid, points, false, InputPoints.STORED, neighbours, provenance);
		}
	}

	/** Settings a model is given when the model records none of its own. */
	public static final String AUTO_GRID = "auto";

	/** A loaded model: weights, settings, and Adam's state where the source holds it (else null). */
	/** Serialisable, so that a Spark executor can be sent the network a run trained or loaded. */
	public record Model(FoldingNetWeights weights, Settings settings, OptimizerState optimizer) implements java.io.Serializable {

		public Model(final FoldingNetWeights weights, final Settings settings) {
			this(weights, settings, null);
		}
	}

	private ModelFolder() {}

	public static void write(final Path folder, final Map<String, TorchCheckpoint.Tensor> stateDict, final Settings settings) throws IOException {
		write(folder, stateDict, null, settings);
	}

	/** Writes weights, settings and, unless {@code optimizer} is null, Adam's state (see above). */
	public static void write(final Path folder, final Map<String, TorchCheckpoint.Tensor> stateDict, final OptimizerState optimizer,
		final Settings settings) throws IOException
	{
		writeTensors(folder.resolve("weights"), stateDict, "");
		if (optimizer != null) {
			writeTensors(folder.resolve("optimizer"), optimizer.expAvg(), EXP_AVG);
			writeTensors(folder.resolve("optimizer"), optimizer.expAvgSq(), EXP_AVG_SQ);
			final ObjectNode state = JSON.createObjectNode();
			state.put("optimizer", "adam");
			state.put("step", optimizer.step());
			JSON.writeValue(folder.resolve("optimizer").resolve(STATE_JSON).toFile(), state);
		}
		final ObjectNode root = JSON.createObjectNode();
		root.put("architecture", ARCHITECTURE);
		root.put("codeword", 512);
		root.put("k", settings.k());
		root.put("grid", settings.grid());
		root.put("points", settings.points());
		root.put("normalize", settings.normalize());
		root.put("input_points", settings.input().key());
		root.put("neighbours", settings.neighbours().key());
		final ObjectNode prov = root.putObject("provenance");
		settings.provenance().forEach(prov::put);
		JSON.writeValue(folder.resolve("model.json").toFile(), root);
	}

	/**
	 * Loads a model folder, or a paper checkpoint file ({@code .pkl}, {@code .pt}, {@code .pth}).
	 *
	 * @param defaults settings for a paper checkpoint, which records none (k, grid, points)
	 */
	public static Model load(final Path source, final Settings defaults) throws IOException {
		if (Files.isRegularFile(source)) {
			final FoldingNetWeights weights = FoldingNetWeights.read(source);
			return new Model(weights, new Settings(defaults.k(), grid(source, "grid", defaults.grid(), weights), defaults.points(), false,
				InputPoints.STORED, NeighbourSearch.PAPER, Map.of("source", source.toString(), "format", "paper checkpoint (torch.save)")));
		}
		final Path json = source.resolve("model.json");
		if (!Files.isRegularFile(json))
			throw new ScanFormatException(source, "model", "neither a model folder (no model.json) nor a checkpoint file (.pkl, .pt)");
		final JsonNode root = readObject(json);
		if (!ARCHITECTURE.equals(root.path("architecture").asText()))
			throw new ScanFormatException(json, "architecture", "expected \"" + ARCHITECTURE + "\", found " + root.path("architecture"));
		final Map<String, TorchCheckpoint.Tensor> state = new LinkedHashMap<>();
		try (var files = Files.list(source.resolve("weights"))) {
			for (final Path f : files.sorted().toList()) {
				final String name = f.getFileName().toString();
				if (!name.endsWith(".npy")) continue;
				final NpyArray a = NpyArray.read(f);
				state.put(name.substring(0, name.length() - 4), new TorchCheckpoint.Tensor(a.shape(), a.data()));
			}
		}
		final Map<String, String> provenance = new LinkedHashMap<>();
		root.path("provenance").fields().forEachRemaining(e -> provenance.put(e.getKey(), e.getValue().asText()));
		final NeighbourSearch search;
		try {
			// models written before the field existed were trained with the paper's search
			search = NeighbourSearch.of(root.path("neighbours").asText("paper"));
		}
		catch (final IllegalArgumentException e) {
			throw new ScanFormatException(json, "neighbours", e.getMessage());
		}
		final InputPoints input;
		try {
			// models written before the field existed read farthest-point samples
			input = InputPoints.of(root.path("input_points").asText("farthest"));
		}
		catch (final IllegalArgumentException e) {
			throw new ScanFormatException(json, "input_points", e.getMessage());
		}
		final FoldingNetWeights weights = FoldingNetWeights.of(state, source);
		final Settings settings = new Settings(count(json, root, "k", defaults.k(), 1), grid(json, "grid", root.path("grid").asText(defaults.grid()), weights),
			count(json, root, "points", defaults.points(), 1), root.path("normalize").asBoolean(false), input, search, provenance);
		return new Model(weights, settings, optimizer(source.resolve("optimizer"), state.keySet()));
	}

	/** A whole number of model.json of at least {@code least}; the default when the field is absent. */
	private static int count(final Path json, final JsonNode root, final String field, final int absent, final int least) throws ScanFormatException {
		final JsonNode n = root.get(field);
		if (n == null) return absent;
		if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < least)
			throw new ScanFormatException(json, field, "expected a whole number >= " + least + ", found " + n);
		return n.asInt();
	}

	/**
	 * The grid to decode with: {@code auto} becomes the one the weights fold (their first folding
	 * layer reads 512 + 2 or 512 + 3 channels); a named grid of the wrong dimension is refused here,
	 * naming the file, rather than deep in the decoder.
	 */
	private static String grid(final Path file, final String field, final String grid, final FoldingNetWeights weights) throws IOException {
		final int dimension = weights.gridDimension();
		if (grid == null || grid.equalsIgnoreCase(AUTO_GRID)) return FoldingGrids.defaultFor(dimension);
		final int named;
		try {
			named = FoldingGrids.resolve(grid).dimension();
		}
		catch (final IllegalArgumentException e) {
			throw new ScanFormatException(file, field, e.getMessage());
		}
		if (named != dimension) throw new ScanFormatException(file, field, "the model folds a " + dimension + "-D grid (" + (dimension == 2
			? "plane" : "sphere or gaussian") + "), but grid '" + grid + "' is " + named + "-D; give grid=" + (dimension == 2 ? "plane"
				: "gaussian or sphere") + ", or auto");
		return grid;
	}

	private static void writeTensors(final Path dir, final Map<String, TorchCheckpoint.Tensor> tensors, final String suffix) throws IOException {
		Files.createDirectories(dir);
		for (final Map.Entry<String, TorchCheckpoint.Tensor> e : tensors.entrySet())
			new NpyArray(e.getValue().shape(), e.getValue().data()).write(dir.resolve(e.getKey() + suffix + ".npy"));
	}

	/** A JSON object file of a model folder; malformed JSON is refused with its line and column. */
	private static JsonNode readObject(final Path json) throws IOException {
		final JsonNode root;
		try {
			// read as bytes, not as a java.io.File: the shipped model is read from inside the jar
			root = JSON.readTree(Files.readAllBytes(json));
		}
		catch (final com.fasterxml.jackson.core.JsonProcessingException e) {
			final var at = e.getLocation();
			throw new ScanFormatException(json, null, "malformed JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
				+ ": " + e.getOriginalMessage());
		}
		if (root == null || !root.isObject()) throw new ScanFormatException(json, null, "expected a JSON object, as Train Autoencoder writes it");
		return root;
	}

	/** Adam's state from {@code dir}, null if it holds none; every weight needs both moments. */
	private static OptimizerState optimizer(final Path dir, final Iterable<String> keys) throws IOException {
		final Path json = dir.resolve(STATE_JSON);
		if (!Files.isRegularFile(json)) return null;
		final JsonNode root = readObject(json);
		if (!"adam".equals(root.path("optimizer").asText()) || !root.path("step").canConvertToLong())
			throw new ScanFormatException(json, "optimizer", "expected {\"optimizer\": \"adam\", \"step\": n}, found " + root);
		final Map<String, TorchCheckpoint.Tensor> first = new LinkedHashMap<>(), second = new LinkedHashMap<>();
		for (final String key : keys) {
			first.put(key, tensor(dir.resolve(key + EXP_AVG + ".npy")));
			second.put(key, tensor(dir.resolve(key + EXP_AVG_SQ + ".npy")));
		}
		return new OptimizerState(root.path("step").asLong(), first, second);
	}

	private static TorchCheckpoint.Tensor tensor(final Path npy) throws IOException {
		if (!Files.isRegularFile(npy)) throw new ScanFormatException(npy, "optimizer", "missing: the optimiser state is incomplete");
		final NpyArray a = NpyArray.read(npy);
		return new TorchCheckpoint.Tensor(a.shape(), a.data());
	}
}
