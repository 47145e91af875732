package org.braggcloud.network.checkpoint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.braggcloud.scan.ScanFormatException;

/**
 * The parameters of the paper's FoldingNet (foldnet encoder, two foldings), checked against the
 * layout of docs/pipeline.md §5 so that a wrong or partial checkpoint fails at load time with
 * every problem listed at once, rather than as a shape error deep inside the network.
 */
public final class FoldingNetWeights implements java.io.Serializable {

	private static final long serialVersionUID = 1L;


	/** Written by {@code nn.DataParallel}; the same weights otherwise. */
	private static final String PARALLEL_PREFIX = "module.";
	private static final String GRID_LAYER = "decoder.folding1.0.weight";
	private static final int CODEWORD = 512;

	private final Map<String, TorchCheckpoint.Tensor> tensors;
	private final int gridDimension;

	private FoldingNetWeights(final Map<String, TorchCheckpoint.Tensor> tensors,
		final int gridDimension)
	{
		this.tensors = tensors;
		this.gridDimension = gridDimension;
	}

	/** Reads and checks a {@code torch.save}d FoldingNet state_dict. */
	public static FoldingNetWeights read(final Path file) throws IOException {
		return of(TorchCheckpoint.read(file), file);
	}

	/**
	 * Checks a state_dict; {@code source} names it in the error message and may be null.
	 *
	 * @throws ScanFormatException listing every missing, unexpected or misshapen key
	 */
	public static FoldingNetWeights of(final Map<String, TorchCheckpoint.Tensor> stateDict,
		final Path source) throws ScanFormatException
	{
		final List<String> problems = new ArrayList<>();
		final Map<String, TorchCheckpoint.Tensor> tensors = stripPrefix(stateDict, problems);
		final int grid = gridDimension(tensors);
		final Map<String, int[]> expected = expectedShapes(grid == 0 ? 2 : grid);
		for (final Map.Entry<String, int[]> e : expected.entrySet()) {
			final TorchCheckpoint.Tensor t = tensors.get(e.getKey());
			if (t == null) problems.add("missing key '" + e.getKey() + "'");
			else if (e.getKey().equals(GRID_LAYER) && grid == 0) {
				problems.add("'" + GRID_LAYER + "' has shape " + Shapes.text(t.shape()) +
					", expected (512, 514, 1) for a 2-D grid or (512, 515, 1) for a 3-D grid");
			}
			else if (!Arrays.equals(t.shape(), e.getValue())) {
				problems.add("'" + e.getKey() + "' has shape " + Shapes.text(t.shape()) +
					", expected " + Shapes.text(e.getValue()));
			}
			else {
				// one NaN or infinity makes every codeword NaN; say where instead
				final float[] v = t.data();
				for (int i = 0; i < v.length; i++)
					if (!Float.isFinite(v[i])) {
						problems.add("'" + e.getKey() + "' holds " + v[i] + " at flat index " + i + " (weights must be finite)");
						break;
					}
			}
		}
		for (final String key : tensors.keySet()) {
			if (!expected.containsKey(key)) problems.add("unexpected key '" + key + "'");
		}
		if (!problems.isEmpty()) {
			throw new ScanFormatException(source, null, "not a FoldingNet checkpoint of the " +
				"paper's layout (docs/pipeline.md §5): " + String.join("; ", problems));
		}
		return new FoldingNetWeights(tensors, grid);
	}

	/** The values of parameter {@code key} (without any {@code module.} prefix), row-major. */
	public float[] weight(final String key) {
		return tensor(key).data().clone();
	}

	public int[] shape(final String key) {
		return tensor(key).shape().clone();
	}

	/** 2 for the plane grid, 3 for the sphere or gaussian grid. */
	public int gridDimension() {
		return gridDimension;
	}

	private TorchCheckpoint.Tensor tensor(final String key) {
		final TorchCheckpoint.Tensor t = tensors.get(key);
		if (t == null) throw new IllegalArgumentException("no FoldingNet parameter '" + key + "'");
		return t;
	}

	private static Map<String, TorchCheckpoint.Tensor> stripPrefix(
		final Map<String, TorchCheckpoint.Tensor> stateDict, final List<String> problems)
	{
		final Map<String, TorchCheckpoint.Tensor> out = new LinkedHashMap<>();
		for (final Map.Entry<String, TorchCheckpoint.Tensor> e : stateDict.entrySet()) {
			final String key = e.getKey().startsWith(PARALLEL_PREFIX) ? e.getKey().substring(
				PARALLEL_PREFIX.length()) : e.getKey();
			if (out.put(key, e.getValue()) != null) {
				problems.add("key '" + key + "' appears both with and without '" + PARALLEL_PREFIX + "'");
			}
		}
		return out;
	}

	/** 2 or 3 from the first folding layer's input width, 0 when it is neither. */
	private static int gridDimension(final Map<String, TorchCheckpoint.Tensor> tensors) {
		final TorchCheckpoint.Tensor t = tensors.get(GRID_LAYER);
		if (t == null) return 0;
		for (int d = 2; d <= 3; d++) {
			if (Arrays.equals(t.shape(), new int[] { CODEWORD, CODEWORD + d, 1 })) return d;
		}
		return 0;
	}

	/** Every parameter of §5 with its shape, for the given grid dimension. */
	static Map<String, int[]> expectedShapes(final int grid) {
		final Map<String, int[]> m = new LinkedHashMap<>();
		conv(m, "encoder.mlp1.0", 64, 12);
		conv(m, "encoder.mlp1.2", 64, 64);
		conv(m, "encoder.mlp1.4", 64, 64);
		linear(m, "encoder.linear1", 64, 64);
		conv(m, "encoder.conv1", 128, 64);
		linear(m, "encoder.linear2", 128, 128);
		conv(m, "encoder.conv2", 1024, 128);
		conv(m, "encoder.mlp2.0", CODEWORD, 1024);
		conv(m, "encoder.mlp2.2", CODEWORD, CODEWORD);
		conv(m, "decoder.folding1.0", 512, CODEWORD + grid);
		conv(m, "decoder.folding1.2", 512, 512);
		conv(m, "decoder.folding1.4", 3, 512);
		conv(m, "decoder.folding2.0", 512, CODEWORD + 3);
		conv(m, "decoder.folding2.2", 512, 512);
		conv(m, "decoder.folding2.4", 3, 512);
		return m;
	}

	/** A 1x1 Conv1d: weight (out, in, 1). */
	private static void conv(final Map<String, int[]> m, final String layer, final int out,
		final int in)
	{
		m.put(layer + ".weight", new int[] { out, in, 1 });
		m.put(layer + ".bias", new int[] { out });
	}

	/** A Linear layer: weight (out, in). */
	private static void linear(final Map<String, int[]> m, final String layer, final int out,
		final int in)
	{
		m.put(layer + ".weight", new int[] { out, in });
		m.put(layer + ".bias", new int[] { out });
	}
}
