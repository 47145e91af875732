package org.braggcloud.fiji;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.gui.GenericDialog;
import ij.macro.Interpreter;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import org.braggcloud.plugin.InputValues;
import org.scijava.Cancelable;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.display.DisplayPostprocessor;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;
import org.scijava.module.process.PostprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.PluginService;

/**
 * ImageJ 1.x face of every Bragg Cloud command. plugins.config names it with the SciJava command
 * class as argument; it asks for the command's own inputs in a {@link GenericDialog} (so macros
 * and the recorder work), runs the command through SciJava and shows its outputs.
 */
public class CommandPlugIn implements PlugIn {

	@Override
	public void run(final String arg) {
		final Context context = FijiContext.get();
		final CommandInfo info = context.service(CommandService.class).getCommand(arg);
		if (info == null) {
			report("Bragg Cloud", "No SciJava command " + arg);
			return;
		}
		final Map<String, Object> inputs;
		try {
			inputs = ask(context, info);
		}
		catch (final IllegalArgumentException e) {
			report(title(info), e.getMessage());
			return;
		}
		if (inputs != null) execute(context, info, inputs);
	}

	/** Runs a command with the given inputs (no dialog) and shows its outputs; null if it failed. */
	public static Module execute(final Context context, final CommandInfo info, final Map<String, Object> inputs) {
		final String title = title(info);
		try {
			final PluginService plugins = context.service(PluginService.class);
			// Outputs are shown here, the ImageJ 1.x way: keep SciJava's display step out of it.
			final List<PostprocessorPlugin> post = plugins.createInstancesOfType(PostprocessorPlugin.class).stream()
				.filter(p -> !(p instanceof DisplayPostprocessor)).toList();
			final ModuleService modules = context.service(ModuleService.class);
			final Module module = modules.createModule(info);
			for (final Map.Entry<String, Object> e : inputs.entrySet()) module.setInput(e.getKey(), e.getValue());
			// The dialog or macro decided every user input, an optional file left empty included:
			// mark them resolved, or a harvester would ask again (and, with no UI, cancel).
			for (final ModuleItem<?> item : InputValues.userInputs(info)) module.resolveInput(item.getName());
			modules.run(module, plugins.createInstancesOfType(PreprocessorPlugin.class), post, (Map<String, Object>) null).get();
			if (module.getDelegateObject() instanceof Cancelable c && c.isCanceled()) {
				final String reason = c.getCancelReason();
				report(title, reason == null || reason.isBlank() ? "cancelled (is a required input missing?)" : reason);
				return null;
			}
			show(info, module);
			return module;
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			report(title, "interrupted");
		}
		catch (final ExecutionException | RuntimeException e) {
			final Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
			report(title, cause.getMessage() != null ? cause.getMessage() : cause.toString());
		}
		return null;
	}

	static String title(final CommandInfo info) {
		return info.getLabel() != null && !info.getLabel().isEmpty() ? info.getLabel() : info.getTitle();
	}

	/** The inputs from a dialog (or the macro options when there is no display); null if cancelled. */
	static Map<String, Object> ask(final Context context, final CommandInfo info) {
		final Module defaults = context.service(ModuleService.class).createModule(info);
		final List<ModuleItem<?>> items = InputValues.userInputs(info);
		if (GraphicsEnvironment.isHeadless()) return fromMacroOptions(items, defaults, Macro.getOptions());
		final GenericDialog gd = new GenericDialog(title(info));
		for (final ModuleItem<?> item : items) addField(gd, item, defaults.getInput(item.getName()));
		gd.showDialog();
		if (gd.wasCanceled()) return null;
		final Map<String, Object> inputs = new LinkedHashMap<>();
		for (final ModuleItem<?> item : items) {
			final Class<?> type = item.getType();
			final Object value;
			if (InputValues.isBoolean(type)) value = gd.getNextBoolean();
			else if (hasChoices(item)) value = gd.getNextChoice();
			else if (InputValues.isNumber(type)) value = InputValues.number(type, gd.getNextNumber());
			else value = InputValues.text(type, gd.getNextString());
			if (value != null) inputs.put(item.getName(), value);
		}
		if (gd.invalidNumber()) {
			report(title(info), "a number field holds no number");
			return null;
		}
		// the dialog does not enforce ranges: the same check as macros and headless runs
		for (final ModuleItem<?> item : items)
			if (inputs.containsKey(item.getName())) inputs.put(item.getName(), InputValues.checked(item, item.getName(), inputs.get(item.getName())));
		return inputs;
	}

	private static void addField(final GenericDialog gd, final ModuleItem<?> item, final Object value) {
		final String label = CommandInputs.label(item);
		final Class<?> type = item.getType();
		if (InputValues.isBoolean(type)) gd.addCheckbox(label, Boolean.TRUE.equals(value));
		else if (hasChoices(item)) {
			final String[] choices = item.getChoices().toArray(new String[0]);
			gd.addChoice(label, choices, value != null ? value.toString() : choices[0]);
		}
		else if (InputValues.isNumber(type)) {
			final double v = value instanceof Number n ? n.doubleValue() : 0;
			gd.addNumericField(label, v, InputValues.isIntegral(type) ? 0 : decimals(v));
		}
		else if (type == File.class) {
			final String path = value instanceof File f ? f.getPath() : "";
			if ("directory".equals(item.getWidgetStyle())) gd.addDirectoryField(label, path);
			else gd.addFileField(label, path);
		}
		else gd.addStringField(label, value != null ? value.toString() : "", 20);
	}

	private static boolean hasChoices(final ModuleItem<?> item) {
		return item.getType() == String.class && item.getChoices() != null && !item.getChoices().isEmpty();
	}

	/** Enough decimals to show a default exactly (up to 6). */
	static int decimals(final double v) {
		for (int d = 0; d < 6; d++) {
			final double scale = Math.pow(10, d);
			if (Math.abs(Math.round(v * scale) / scale - v) <= 1e-9 * Math.max(1, Math.abs(v))) return d;
		}
		return 6;
	}

	/**
	 * Without a display ImageJ 1.x cannot build a dialog; read the macro options with the same keys
	 * and rules as GenericDialog (a checkbox is on when its key appears, values in [] may hold spaces).
	 */
	static Map<String, Object> fromMacroOptions(final List<ModuleItem<?>> items, final Module defaults, final String options) {
		final Map<String, Object> inputs = new LinkedHashMap<>();
		final String opts = options == null ? "" : " " + options + " ";
		for (final ModuleItem<?> item : items) {
			final String key = CommandInputs.key(item);
			final int first = opts.indexOf(" " + key + "=");
			if (first >= 0 && opts.indexOf(" " + key + "=", first + 1) >= 0)
				throw new IllegalArgumentException("parameter '" + key + "' is given twice; give each parameter once");
			final Class<?> type = item.getType();
			if (InputValues.isBoolean(type)) {
				// a checkbox is on when its key appears; key=value must say true or false
				final String given = options == null ? null : Macro.getValue(opts, key, null);
				if (given != null && !given.equals(key)) inputs.put(item.getName(), InputValues.checked(item, key, given));
				else inputs.put(item.getName(), options != null ? opts.contains(" " + key + " ") : Boolean.TRUE.equals(defaults.getInput(item.getName())));
				continue;
			}
			final String value = Macro.getValue(opts, key, null);
			if (value == null) {
				final Object d = defaults.getInput(item.getName());
				if (d != null) inputs.put(item.getName(), d);
			}
			else {
				final Object v = InputValues.checked(item, key, value);
				if (v != null) inputs.put(item.getName(), v);
			}
		}
		return inputs;
	}

	/** Images and tables are shown (batch mode keeps images off screen), other outputs logged. */
	private static void show(final CommandInfo info, final Module module) {
		for (final ModuleItem<?> item : info.outputs()) {
			final Object value = module.getOutput(item.getName());
			if (value == null) continue;
			if (value instanceof ImagePlus imp) {
				imp.show();
				PixelInspector.attach(imp);
			}
			else if (value instanceof ResultsTable table) table.show(Optional.ofNullable(item.getLabel()).orElse(item.getName()));
			else IJ.log(String.format(Locale.ROOT, "%s: %s: %s", title(info), Optional.ofNullable(item.getLabel()).orElse(item.getName()), value));
		}
	}

	/** Errors go to a dialog, or to the Log window where no one is there to close one. */
	static void report(final String title, final String message) {
		if (Interpreter.isBatchMode() || GraphicsEnvironment.isHeadless() || IJ.getInstance() == null) IJ.log(title + ": " + message);
		else IJ.error(title, message);
	}
}
