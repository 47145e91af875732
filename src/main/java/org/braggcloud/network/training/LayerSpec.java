package org.braggcloud.network.training;

import java.util.List;

/**
 * One layer of the paper's FoldingNet as its state_dict names it (docs/pipeline.md §5). Kept
 * here, in state_dict order, because initialisation draws and export must follow that order.
 *
 * @param name key prefix, e.g. {@code encoder.mlp1.0}
 * @param conv true for a kernel-1 Conv1d (weight (out, in, 1)), false for a Linear (out, in)
 */
record LayerSpec(String name, int out, int in, boolean conv) {

	static final int CODEWORD = 512;

	/** The 15 layers (30 parameters) of §5 for a 2-D or 3-D grid. */
	static List<LayerSpec> all(final int gridDimension) {
		return List.of(
			new LayerSpec("encoder.mlp1.0", 64, 12, true),
			new LayerSpec("encoder.mlp1.2", 64, 64, true),
			new LayerSpec("encoder.mlp1.4", 64, 64, true),
			new LayerSpec("encoder.linear1", 64, 64, false),
			new LayerSpec("encoder.conv1", 128, 64, true),
			new LayerSpec("encoder.linear2", 128, 128, false),
			new LayerSpec("encoder.conv2", 1024, 128, true),
			new LayerSpec("encoder.mlp2.0", CODEWORD, 1024, true),
			new LayerSpec("encoder.mlp2.2", CODEWORD, CODEWORD, true),
			new LayerSpec("decoder.folding1.0", 512, CODEWORD + gridDimension, true),
			new LayerSpec("decoder.folding1.2", 512, 512, true),
			new LayerSpec("decoder.folding1.4", 3, 512, true),
			new LayerSpec("decoder.folding2.0", 512, CODEWORD + 3, true),
			new LayerSpec("decoder.folding2.2", 512, 512, true),
			new LayerSpec("decoder.folding2.4", 3, 512, true));
	}

	int[] weightShape() {
		return conv ? new int[] { out, in, 1 } : new int[] { out, in };
	}
}
