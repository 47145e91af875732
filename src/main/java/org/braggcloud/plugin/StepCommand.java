package org.braggcloud.plugin;

import java.io.File;
import java.io.IOException;
import java.util.concurrent.CancellationException;

import org.braggcloud.io.OutputFolder;
import org.braggcloud.parallel.ParallelContext;
import org.braggcloud.registration.RegistrationException;
import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.thread.ThreadService;

/**
 * What every step command does alike: progress where the user looks (Fiji's bars, or a line
 * headless), cancel from the user, and bad input or a cancel ending the command with its message
 * as the cancel reason (no stack trace), the output folder staged and committed whole, and one
 * thread pool for all the step's parallel loops: the SciJava context's.
 */
abstract class StepCommand extends ContextCommand {

	@Parameter
	private StatusService status;

	@Parameter
	protected LogService log;

	@Parameter
	private ThreadService threadService;

	/** The output folder this run writes, once it has one: named when the disk fills. */
	private File writing;

	@Override
	public final void run() {
		final CommandProgress progress = new CommandProgress(status, this);
		try {
			// every loop of the step runs on the application's thread pool (Fiji's, or the headless
			// context's), not on threads of its own
			ParallelContext.using(threadService.getExecutorService(), () -> {
				execute(progress);
				return null;
			});
		}
		catch (final RegistrationException e) {
			cancel("Registration failed: " + e.messageWithAdvice());
		}
		catch (final IOException e) {
			cancel(failure(e, writing));
		}
		catch (final CancellationException | IllegalArgumentException e) {
			cancel(e.getMessage());
		}
		catch (final Exception e) {
			throw new IllegalStateException(e); // execute declares no other checked exception
		}
	}

	/**
	 * The message for a failed run. The operating system reports a full disk without a path, so
	 * the output folder is named then.
	 */
	static String failure(final IOException e, final File output) {
		final String m = String.valueOf(e.getMessage());
		final boolean full = m.contains("No space left on device") || m.contains("Disk quota exceeded") || m.contains("There is not enough space");
		return full && output != null && !m.contains(output.getPath())
			? output + ": " + m + " while writing the results there; free some space or choose another output folder, then run again"
			: m;
	}

	/** The step's work; throws for bad input (naming the file and field) or a cancel. */
	protected abstract void execute(CommandProgress progress) throws IOException, RegistrationException;

	/** The {@code output} folder, staged: nothing appears there until {@link OutputFolder#commit}. */
	protected OutputFolder outputFolder(final File output, final boolean overwrite) throws IOException {
		writing = output;
		return OutputFolder.create(output.toPath(), overwrite, "output");
	}
}
