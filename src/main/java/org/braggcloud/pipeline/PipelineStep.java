package org.braggcloud.pipeline;

/** The pipeline's steps, in order; each commits its outputs when it completes. */
public enum PipelineStep {
	OPEN("open the scan"),
	PREPARE("register and mask"),
	MAPS("conventional maps"),
	CLOUDS("point clouds"),
	TRAIN("train the autoencoder"),
	FEATURES("features"),
	CLUSTERS("clusters"),
	REPORT("report");

	private final String description;

	PipelineStep(final String description) {
		this.description = description;
	}

	public String description() {
		return description;
	}
}
