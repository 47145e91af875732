package org.braggcloud.progress;

import java.util.concurrent.CancellationException;

/**
 * Receives progress from long-running core work and tells it when to stop.
 * <p>
 * The core reports through this interface only; commands adapt it to Fiji's status and progress
 * bars or to a headless progress line. Work checks {@link #checkCancelled()} at safe points, where
 * stopping leaves nothing half-written.
 */
public interface ProgressListener {

	/** A listener that ignores progress and never cancels. */
	ProgressListener NONE = (stage, done, total) -> {};

	/** Reports that {@code done} of {@code total} units of {@code stage} are complete. */
	void progress(String stage, long done, long total);

	/** Whether the user asked to stop. */
	default boolean isCancelled() {
		return false;
	}

	/**
	 * A listener for work nested inside this one's: it reports nothing (the inner stages would
	 * drown this one's lines) but is cancelled when this one is.
	 */
	default ProgressListener silenced() {
		final ProgressListener outer = this;
		return new ProgressListener() {

			@Override
			public void progress(final String stage, final long done, final long total) {}

			@Override
			public boolean isCancelled() {
				return outer.isCancelled();
			}
		};
	}

	/** Throws {@link CancellationException} if the user asked to stop. */
	default void checkCancelled() {
		if (isCancelled() || Thread.currentThread().isInterrupted())
			throw new CancellationException("Cancelled by the user");
	}
}
