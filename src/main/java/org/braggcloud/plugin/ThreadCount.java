package org.braggcloud.plugin;

/**
 * The {@code threads} key of every command: a count, or 0 for every core of this machine (a
 * negative count never gets here: its parameter's minimum refuses it, checked for every way of
 * starting a command by {@link InputValues#checked}).
 */
final class ThreadCount {

	private ThreadCount() {}

	static int of(final int requested) {
		return requested > 0 ? requested : Runtime.getRuntime().availableProcessors();
	}
}
