package org.braggcloud;

import org.scijava.Context;

/**
 * One SciJava context for all the command tests of a test run: starting one takes about half a
 * second, and the commands keep no state in it. Disposed when the JVM exits.
 */
public final class TestContext {

	private static Context shared;

	private TestContext() {}

	public static synchronized Context shared() {
		if (shared == null) {
			final Context c = new Context();
			Runtime.getRuntime().addShutdownHook(new Thread(c::dispose));
			shared = c;
		}
		return shared;
	}
}
