package org.braggcloud.pipeline;

/** What the pipeline clusters: the learned codewords or the fast per-peak descriptors. */
public enum FeatureKind {

	/** The paper's FoldingNet codewords (512 per pixel). */
	FOLDINGNET("foldingnet"),

	/** {@link org.braggcloud.analysis.PeakDescriptors}: moments of each peak, no training. */
	DESCRIPTORS("descriptors");

	private final String key;

	FeatureKind(final String key) {
		this.key = key;
	}

	public String key() {
		return key;
	}

	public static FeatureKind of(final String key) {
		for (final FeatureKind f : values())
			if (f.key.equals(key)) return f;
		throw new IllegalArgumentException("features must be 'foldingnet' or 'descriptors', found '" + key + "'");
	}
}
