package org.braggcloud.pipeline;

import java.util.ArrayList;
import java.util.List;

/** The pipeline's steps, in order; each commits its outputs when it completes. */
public enum PipelineStep {
	OPEN("open the scan"),
	PREPARE("register and mask"),
	MAPS("conventional maps"),
	CLOUDS("point clouds"),
	TRAIN("train the autoencoder"),
	/** Instead of training, when a model is given. */
	LOAD("load the autoencoder"),
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

	/** The steps a run takes: the autoencoder's only for learned features, trained or loaded. */
	static List<PipelineStep> plan(final boolean learned, final boolean loaded) {
		final List<PipelineStep> steps = new ArrayList<>();
		for (final PipelineStep s : values()) {
			if ((s == TRAIN || s == LOAD) && !learned) continue;
			if (s == TRAIN && loaded || s == LOAD && !loaded) continue;
			steps.add(s);
		}
		return steps;
	}
}
