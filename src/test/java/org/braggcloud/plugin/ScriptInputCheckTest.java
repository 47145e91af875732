package org.braggcloud.plugin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.braggcloud.TestContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/**
 * A script (Jython, Groovy) runs a command through SciJava's CommandService with typed values,
 * which bypasses the macro and launcher checks: the same ranges and choices must hold there, the
 * command cancelled with the key named, and nothing written.
 */
class ScriptInputCheckTest {

	@TempDir
	Path dir;

	static Stream<Arguments> badValues() {
		return Stream.of(
			Arguments.of(BenchmarkAutoencoderCommand.class, "iterations", -1),
			Arguments.of(BenchmarkAutoencoderCommand.class, "iterations", 0),
			Arguments.of(BenchmarkAutoencoderCommand.class, "batch", 0),
			Arguments.of(BenchmarkStreamingCommand.class, "passes", 0),
			Arguments.of(ScanToCloudsCommand.class, "threads", -4),
			Arguments.of(ScanToCloudsCommand.class, "clip", -1.0),
			Arguments.of(ScanToCloudsCommand.class, "peak_share", Double.NaN),
			Arguments.of(ScanToCloudsCommand.class, "coordinates", "pixels"),
			Arguments.of(ExtractFeaturesCommand.class, "batch", 0),
			Arguments.of(TrainAutoencoderCommand.class, "learning_rate", -1.0),
			Arguments.of(TrainAutoencoderCommand.class, "epochs", 0),
			Arguments.of(ClusterFeaturesCommand.class, "method", "dbscan"),
			Arguments.of(ClusterFeaturesCommand.class, "k_max", 1),
			Arguments.of(RenderPointCloudCommand.class, "width", 0),
			Arguments.of(RenderPointCloudCommand.class, "elevation", Double.POSITIVE_INFINITY));
	}

	@ParameterizedTest(name = "{0} {1}={2}")
	@MethodSource("badValues")
	void aValueOutsideItsRangeIsRefusedNamingTheKey(final Class<? extends Command> command, final String key, final Object value)
		throws Exception
	{
		final File in = dir.resolve("in").toFile();
		final File out = dir.resolve("out").toFile();
		final CommandInfo info = TestContext.shared().service(CommandService.class).getCommand(command);
		final Map<String, Object> inputs = new HashMap<>();
		for (final String file : new String[] { "scan", "clouds", "features", "output" })
			if (info.getInput(file) != null && info.getInput(file).getType() == File.class) inputs.put(file, file.equals("output") ? out : in);
		inputs.put(key, value);
		final CommandModule m = TestContext.shared().service(CommandService.class).run(command, true, inputs).get();
		assertTrue(m.isCanceled(), command.getSimpleName() + " ran with " + key + "=" + value);
		final String reason = m.getCancelReason();
		assertTrue(reason != null && reason.contains("parameter '" + key + "'"), "the reason names the key: " + reason);
		assertFalse(out.exists(), "nothing is written");
	}
}
