package org.braggcloud.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.Macro;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.braggcloud.plugin.InputValues;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;
import org.scijava.plugin.PluginInfo;
import org.scijava.plugin.PluginService;

/**
 * plugins.config is the one place Fiji menus come from: every Bragg Cloud command found by
 * SciJava is listed there exactly once, under its TITLE, through the generic adapter; and the
 * adapter's dialog keys are the parameter names.
 */
class CommandMenuTest {

	private static final Pattern COMMAND_LINE = Pattern.compile(
		"(Plugins>Bragg Cloud(?:>Benchmarks)?), \"([^\"]+)\", org\\.braggcloud\\.fiji\\.CommandPlugIn\\(\"([\\w.]+)\"\\)");
	private static final String SAMPLE_LINE = "File>Open Samples, \"Bragg Cloud sample scan\", org.braggcloud.fiji.OpenSamplePlugIn";

	private static Context context;

	@BeforeAll
	static void start() {
		context = new Context(PluginService.class, CommandService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	private static List<PluginInfo<Command>> ourCommands() {
		final List<PluginInfo<Command>> list = new ArrayList<>();
		for (final PluginInfo<Command> info : context.service(PluginService.class).getPluginsOfType(Command.class))
			if (info.getClassName().startsWith("org.braggcloud.")) list.add(info);
		return list;
	}

	@Test
	void pluginsConfigListsEveryCommandOnceWithItsTitle() throws Exception {
		final Map<String, String> listed = new TreeMap<>(); // class -> title
		final Map<String, String> menus = new TreeMap<>();
		int samples = 0;
		for (final String raw : Files.readAllLines(Path.of("plugins.config"))) {
			final String line = raw.strip();
			if (line.isEmpty() || line.startsWith("#")) continue;
			if (line.equals(SAMPLE_LINE)) {
				samples++;
				continue;
			}
			final Matcher m = COMMAND_LINE.matcher(line);
			assertTrue(m.matches(), "plugins.config line in an unexpected format: " + line);
			assertFalse(listed.containsKey(m.group(3)), "listed twice: " + m.group(3));
			listed.put(m.group(3), m.group(2));
			menus.put(m.group(3), m.group(1));
		}
		assertEquals(1, samples, "the sample entry");
		final List<PluginInfo<Command>> commands = ourCommands();
		assertTrue(commands.size() >= 11, "found " + commands.size() + " commands");
		for (final PluginInfo<Command> info : commands) {
			final Class<?> type = Class.forName(info.getClassName());
			final String title = (String) type.getField("TITLE").get(null);
			assertEquals(title, info.getLabel(), info.getClassName() + ": label = TITLE");
			assertEquals(title, listed.get(info.getClassName()), info.getClassName() + " in plugins.config");
			// A SciJava menu path would add a second Fiji menu entry next to plugins.config's.
			assertTrue(info.getMenuPath() == null || info.getMenuPath().isEmpty(), info.getClassName() + " has a menuPath");
			final boolean benchmark = type.getSimpleName().startsWith("Benchmark");
			assertEquals(benchmark ? "Plugins>Bragg Cloud>Benchmarks" : "Plugins>Bragg Cloud", menus.get(info.getClassName()), info.getClassName());
		}
		assertEquals(commands.size(), listed.size(), "plugins.config names classes that are no commands: " + listed.keySet());
	}

	@Test
	void dialogKeysAreTheParameterNames() {
		for (final CommandInfo info : context.service(CommandService.class).getCommands()) {
			if (!info.getClassName().startsWith("org.braggcloud.")) continue;
			for (final ModuleItem<?> item : InputValues.userInputs(info)) {
				final String label = CommandInputs.label(item);
				assertEquals(item.getName(), Macro.trimKey(label), info.getClassName() + ": dialog label " + label);
				assertTrue(label.startsWith(item.getName()), label);
			}
			// Every input a user sets must have a dialog field, or ImageJ could not set it.
			for (final ModuleItem<?> item : info.inputs()) {
				if (org.scijava.service.Service.class.isAssignableFrom(item.getType()) || Context.class.isAssignableFrom(item.getType())) continue;
				if (ij.ImagePlus.class.isAssignableFrom(item.getType())) continue; // SciJava fills it with the active image
				assertTrue(InputValues.supported(item.getType()), info.getClassName() + "." + item.getName() + " (" + item.getType() + ") has no dialog field");
			}
		}
	}

	@Test
	void sampleShipsAsAResource() {
		assertNotNull(getClass().getClassLoader().getResource(OpenSamplePlugIn.RESOURCE + "scan.json"));
		assertNotNull(getClass().getClassLoader().getResource("scripts/Plugins/Bragg_Cloud/Macro_Examples/conventional_maps.ijm"));
	}
}
