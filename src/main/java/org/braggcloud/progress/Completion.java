package org.braggcloud.progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Waits for a task and gives back its failure as the task threw it: I/O errors as
 * {@link IOException}, cancels and other runtime errors as they were, an interrupt as a cancel.
 */
public final class Completion {

	private Completion() {}

	public static <T> T await(final Future<T> task) throws IOException {
		try {
			return task.get();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CancellationException("Interrupted");
		}
		catch (final ExecutionException e) {
			final Throwable cause = e.getCause();
			if (cause instanceof IOException io) throw io;
			if (cause instanceof UncheckedIOException u) throw u.getCause();
			if (cause instanceof RuntimeException r) throw r;
			if (cause instanceof Error err) throw err;
			throw new IOException(cause);
		}
	}
}
