package org.braggcloud;

import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

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

	/** Runs a command to its end, inputs as name-value pairs, pre- and post-processing on (as in Fiji). */
	public static CommandModule run(final Class<? extends Command> command, final Object... inputs) throws Exception {
		return shared().service(CommandService.class).run(command, true, inputs).get();
	}
}
