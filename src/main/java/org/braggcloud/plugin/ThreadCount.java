package org.braggcloud.plugin;

/**
 * The {@code threads} key of every command: a count, or 0 (or less: issue 14 is to refuse it) for
 * every core of this machine.
 */
final class ThreadCount {

	private ThreadCount() {}

	static int of(final int requested) {
		return requested > 0 ? requested : Runtime.getRuntime().availableProcessors();
	}
}
