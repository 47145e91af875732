package org.braggcloud.network;

/**
 * How the encoder finds each point's k nearest neighbours. Both give the k nearest points; they
 * differ only where two distances tie to float precision, which decides which of two equally
 * near points a pool sees.
 */
public enum NeighbourSearch {

	/** A kd-tree per cloud on the CPU, exact distances, ties to the lower index: fast. */
	TREE("tree"),

	/**
	 * The paper's dense float32 distance matrix and libtorch's top-k, so near-ties fall exactly
	 * as in the paper's code: used for checkpoints trained by that code, whose codewords it
	 * reproduces to float rounding. About twice the encoder's cost of {@link #TREE}.
	 */
	PAPER("paper");

	private final String key;

	NeighbourSearch(final String key) {
		this.key = key;
	}

	/** The name recorded in model.json. */
	public String key() {
		return key;
	}

	public static NeighbourSearch of(final String key) {
		for (final NeighbourSearch s : values())
			if (s.key.equals(key)) return s;
		throw new IllegalArgumentException("unknown neighbour search '" + key + "', expected 'tree' or 'paper'");
	}

	/** The neighbour rows of a batch of equally sized clouds; see {@link NeighbourRows}. */
	int[] rows(final float[][] clouds, final int k, final int threads) {
		return this == TREE ? NeighbourRows.of(clouds, k, threads) : PaperNeighbourRows.of(clouds, k);
	}
}
