package org.braggcloud.pipeline;

import java.io.IOException;
import java.nio.file.Path;

/** A pipeline step failed; the outputs of the steps before it are complete and in place. */
public final class PipelineException extends IOException {

	private static final long serialVersionUID = 1L;

	private final PipelineStep step;

	PipelineException(final PipelineStep step, final Path output, final Throwable cause) {
		super("Step '" + step.description() + "' failed: " + message(cause) + (step == PipelineStep.OPEN ? ""
			: ". The outputs of the earlier steps are complete in " + output), cause);
		this.step = step;
	}

	public PipelineStep step() {
		return step;
	}

	private static String message(final Throwable cause) {
		return cause.getMessage() != null ? cause.getMessage() : cause.toString();
	}
}
