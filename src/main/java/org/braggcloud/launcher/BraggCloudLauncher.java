package org.braggcloud.launcher;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import org.braggcloud.plugin.InputValues;
import org.braggcloud.plugin.PipelineCommand;
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
import org.scijava.parse.ParseService;
import org.scijava.plugin.PluginService;
import org.scijava.service.Service;

/**
 * Command-line entry point behind {@code scripts/bragg-cloud}: runs any Bragg Cloud command
 * headless with Fiji's {@code --run} syntax, lists the commands, and runs the demo.
 */
public final class BraggCloudLauncher {

	private static final String PACKAGE = "org.braggcloud.";

	private final Context context;
	private final PrintStream out, err;

	BraggCloudLauncher(final Context context, final PrintStream out, final PrintStream err) {
		this.context = context;
		this.out = out;
		this.err = err;
	}

	public static void main(final String[] args) {
		final int status;
		final Context context = new Context();
		try {
			status = new BraggCloudLauncher(context, System.out, System.err).execute(args);
		}
		finally {
			context.dispose();
		}
		System.exit(status);
	}

	/** Runs one launcher invocation and returns the process exit status. */
	int execute(final String[] args) {
		if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
			help();
			return args.length == 0 ? 2 : 0;
		}
		switch (args[0]) {
			case "--run":
				if (args.length < 2 || args.length > 3) {
					err.println("Usage: bragg-cloud --run \"<command title or class>\" \"<key=value,...>\"");
					return 2;
				}
				return run(args[1], args.length == 3 ? args[2] : "");
			case "demo":
				return demo(args.length > 1 ? Path.of(args[1]) : Path.of("bragg-cloud-demo"));
			default:
				err.println("Unknown action '" + args[0] + "'. Try --help.");
				return 2;
		}
	}

	/** Runs a command by title or class name with Fiji-style arguments. */
	int run(final String command, final String arguments) {
		final Optional<CommandInfo> found = find(command);
		if (found.isEmpty()) {
			err.println("No Bragg Cloud command '" + command + "'. Commands: " + String.join(", ", commands().stream().map(BraggCloudLauncher::title).toList()));
			return 2;
		}
		final CommandInfo info = found.get();
		final Map<String, Object> inputs;
		try {
			inputs = arguments.isBlank() ? new LinkedHashMap<>() : context.service(ParseService.class).parse(arguments, false).asMap();
		}
		catch (final RuntimeException e) {
			err.println("Could not parse arguments \"" + arguments + "\": " + e.getMessage() + ". Expected key=value pairs separated by commas, strings in quotes, e.g. scan='/data/scan.json',overwrite=true");
			return 2;
		}
		final List<String> keys = userInputs(info).stream().map(ModuleItem::getName).toList();
		for (final String key : inputs.keySet()) {
			if (!keys.contains(key)) {
				err.println("Unknown parameter '" + key + "' for '" + title(info) + "'; expected one of: " + String.join(", ", keys));
				return 2;
			}
		}
		final String twice = givenTwice(arguments);
		if (twice != null) {
			err.println("Error: " + title(info) + ": parameter '" + twice + "' is given twice; give each parameter once");
			return 2;
		}
		for (final ModuleItem<?> item : userInputs(info)) {
			if (!inputs.containsKey(item.getName()) || !InputValues.supported(item.getType())) continue;
			try {
				inputs.put(item.getName(), InputValues.checked(item, item.getName(), inputs.get(item.getName())));
			}
			catch (final IllegalArgumentException e) {
				err.println("Error: " + title(info) + ": " + e.getMessage());
				return 2;
			}
		}
		for (final ModuleItem<?> item : userInputs(info)) {
			if (item.isRequired() && !inputs.containsKey(item.getName()) && defaultValue(info, item) == null) {
				err.println("Missing parameter '" + item.getName() + "' for '" + title(info) + "' (" + item.getType().getSimpleName() + ")");
				return 2;
			}
		}
		try {
			// Headless there is nothing to display outputs on: skip the display step, print values instead.
			final PluginService plugins = context.service(PluginService.class);
			final List<PostprocessorPlugin> post = plugins.createInstancesOfType(PostprocessorPlugin.class).stream()
				.filter(p -> !(p instanceof DisplayPostprocessor)).toList();
			final Module module = context.service(ModuleService.class)
				.run(info, plugins.createInstancesOfType(PreprocessorPlugin.class), post, inputs).get();
			if (module.getDelegateObject() instanceof Cancelable c && c.isCanceled()) {
				err.println("Error: " + title(info) + ": " + Optional.ofNullable(c.getCancelReason()).orElse("cancelled"));
				return 1;
			}
			printOutputs(module);
			return 0;
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			err.println("Interrupted");
			return 130;
		}
		catch (final ExecutionException | RuntimeException e) {
			final Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
			err.println("Error: " + title(info) + ": " + cause);
			return 1;
		}
	}

	/** The first key that appears twice in the arguments (parsed as SciJava's ParseService reads them), or null. */
	private String givenTwice(final String arguments) {
		if (arguments.isBlank()) return null;
		final java.util.Set<String> seen = new java.util.HashSet<>();
		for (final org.scijava.parse.Item item : context.service(ParseService.class).parse(arguments, false))
			if (item.name() != null && !seen.add(item.name())) return item.name();
		return null;
	}

	/** Prints plain outputs (numbers, text, files) as {@code name = value}; images are written by the commands. */
	private void printOutputs(final Module module) {
		for (final ModuleItem<?> item : module.getInfo().outputs()) {
			final Object value = module.getOutput(item.getName());
			if (value instanceof Number || value instanceof CharSequence || value instanceof java.io.File || value instanceof Boolean)
				out.println(item.getName() + " = " + value);
		}
	}

	private int demo(final Path folder) {
		final String home = System.getProperty("braggcloud.home", ".");
		final Path sample = Path.of(home, "test-images", "sample", "scan.json").toAbsolutePath().normalize();
		if (!Files.isRegularFile(sample)) {
			err.println("The bundled sample is missing: " + sample);
			return 1;
		}
		final Path target = folder.toAbsolutePath().normalize();
		out.println("Bragg Cloud demo on the bundled sample " + sample);
		final String common = "scan='" + quote(sample) + "',output='" + quote(target) + "',overwrite=true";
		final int status = run(PipelineCommand.TITLE, common);
		if (status == 0) {
			out.println("Results in " + target + ":");
			out.println("  report.html                       everything below on one page: open it in a web browser");
			out.println("  clusters.tif, clusters.csv        the defect-domain map (1..K, 0 outside the particle) and each domain's size and mean maps");
			out.println("  maps/*.tif, maps/maps.csv         conventional maps: strain, tilts, centroids, widths (NaN outside the mask)");
			out.println("  mask.tif, shifts.csv              the particle mask and the drift between rocking scans (angle_index,dy,dx)");
			out.println("  clouds/clouds.h5                  each pixel's Bragg peak as a point cloud, denoised as in the paper");
			out.println("  features.tif, features.csv        the per-pixel features that were clustered");
			out.println("  *.png                             cluster map, count criteria, embedding, rocking curves, patterns, clouds, maps");
			out.println("Open the .tif files in Fiji (File > Open) or any TIFF viewer.");
		}
		return status;
	}

	private static String quote(final Path p) {
		return p.toString().replace("\\", "\\\\").replace("'", "\\'");
	}

	private void help() {
		out.println("Bragg Cloud: lattice defects from scanning X-ray nanodiffraction.");
		out.println();
		out.println("Usage:");
		out.println("  bragg-cloud --run \"<command title or class>\" \"<key=value,...>\"   run a command headless");
		out.println("  bragg-cloud demo [output-folder]                                run on the bundled sample");
		out.println("  bragg-cloud test                                                run the test suite");
		out.println("  bragg-cloud --help                                              this list");
		out.println();
		out.println("Values as in Fiji's --headless --run: strings in quotes, e.g. scan='/data/s1/scan.json',overwrite=true");
		out.println();
		out.println("Commands:");
		for (final CommandInfo info : commands()) {
			out.println();
			out.println("  " + title(info) + "   (" + info.getClassName() + ")");
			if (info.getDescription() != null && !info.getDescription().isEmpty()) out.println("    " + info.getDescription());
			for (final ModuleItem<?> item : userInputs(info)) {
				final Object def = defaultValue(info, item);
				final StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "    %-18s %-9s", item.getName(), item.getType().getSimpleName()));
				line.append(def != null ? " default " + def : item.isRequired() ? " required" : " optional");
				if (item.getChoices() != null && !item.getChoices().isEmpty()) line.append("  one of ").append(item.getChoices());
				if (item.getLabel() != null) line.append("  - ").append(item.getLabel());
				out.println(line);
			}
		}
	}

	private List<CommandInfo> commands() {
		final List<CommandInfo> list = new ArrayList<>();
		for (final CommandInfo info : context.service(CommandService.class).getCommands())
			if (info.getClassName().startsWith(PACKAGE)) list.add(info);
		list.sort(Comparator.comparing(BraggCloudLauncher::title));
		return list;
	}

	private Optional<CommandInfo> find(final String name) {
		return commands().stream().filter(i -> title(i).equalsIgnoreCase(name) || i.getClassName().equals(name)
			|| i.getClassName().endsWith("." + name)).findFirst();
	}

	static String title(final CommandInfo info) {
		return info.getLabel() != null && !info.getLabel().isEmpty() ? info.getLabel() : info.getTitle();
	}

	/** Inputs a user sets: not services, not the context. */
	private static List<ModuleItem<?>> userInputs(final CommandInfo info) {
		final List<ModuleItem<?>> items = new ArrayList<>();
		for (final ModuleItem<?> item : info.inputs())
			if (!Service.class.isAssignableFrom(item.getType()) && !Context.class.isAssignableFrom(item.getType())) items.add(item);
		return items;
	}

	/** The field's initial value, i.e. the default a user gets by leaving the key out. */
	private Object defaultValue(final CommandInfo info, final ModuleItem<?> item) {
		try {
			final Module module = context.service(ModuleService.class).createModule(info);
			return module.getInput(item.getName());
		}
		catch (final RuntimeException e) {
			return null;
		}
	}
}
