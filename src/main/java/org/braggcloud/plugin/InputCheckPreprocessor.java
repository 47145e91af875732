package org.braggcloud.plugin;

import org.scijava.log.LogService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.process.AbstractPreprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.InputHarvester;

/**
 * Checks every input of a Bragg Cloud command against its range and choices before the command
 * runs, however it was started. Macros, dialogs and the headless launcher check what the user
 * typed themselves; a script that calls a command through SciJava's {@code CommandService}
 * passes typed values straight in, and SciJava enforces no {@code min}, {@code max} or
 * {@code choices} on that path: {@code threads=-4} or {@code batch=0} would otherwise run.
 * <p>
 * Runs after the inputs are harvested (lower priority than {@link InputHarvester}), so that it
 * sees the values the command will run with; a refused value cancels the command with the
 * message, naming the key, and logs it as an error, so a script's console shows it.
 */
@Plugin(type = PreprocessorPlugin.class, priority = InputHarvester.PRIORITY - 1)
public final class InputCheckPreprocessor extends AbstractPreprocessorPlugin {

	private static final String OWN_PACKAGE = "org.braggcloud.";

	@Parameter(required = false)
	private LogService log;

	@Override
	public void process(final Module module) {
		final Object command = module.getDelegateObject();
		if (command == null || !command.getClass().getName().startsWith(OWN_PACKAGE)) return;
		for (final ModuleItem<?> item : InputValues.userInputs(module.getInfo())) {
			final Object value = module.getInput(item.getName());
			try {
				final Object checked = InputValues.checked(item, item.getName(), value);
				if (checked != null && !checked.equals(value)) module.setInput(item.getName(), checked);
			}
			catch (final IllegalArgumentException e) {
				if (log != null) log.error(module.getInfo().getTitle() + ": " + e.getMessage());
				cancel(e.getMessage());
				return;
			}
		}
	}
}
