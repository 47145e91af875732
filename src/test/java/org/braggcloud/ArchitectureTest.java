package org.braggcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house as docs/architecture.md draws it, read from the sources: which package may use
 * which. A change that breaks a rule fails here, naming the classes that break it.
 */
class ArchitectureTest {

	private static final Path SOURCES = Path.of("src/main/java");
	private static final Pattern PACKAGE = Pattern.compile("^package org\\.braggcloud\\.([a-z.]+);", Pattern.MULTILINE);
	/** Any use of a project class: imports and fully qualified names in code. */
	private static final Pattern USE = Pattern.compile("\\borg\\.braggcloud\\.([a-z][a-z.]*?)\\.[A-Z]");
	private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

	/** The faces: Fiji's adapters and the SciJava commands. Nothing below them may use them. */
	private static final Set<String> FACES = Set.of("imagej", "fiji", "plugin", "launcher");
	/** What the file layer may use besides itself: the data it reads and writes, progress and the shared loops. */
	private static final Set<String> FILE_LAYER_MAY_USE = Set.of("scan", "cloud", "clustering", "progress", "parallel");

	/** package -> package it uses -> the classes that use it */
	private static final Map<String, Map<String, Set<String>>> uses = new TreeMap<>();

	@BeforeAll
	static void read() throws IOException {
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (final Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				final String text = COMMENT.matcher(Files.readString(f)).replaceAll("");
				final Matcher p = PACKAGE.matcher(text);
				assertTrue(p.find(), "no package in " + f);
				final String from = p.group(1);
				final Map<String, Set<String>> used = uses.computeIfAbsent(from, k -> new TreeMap<>());
				final Matcher m = USE.matcher(text);
				while (m.find())
					if (!m.group(1).equals(from)) used.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(f.getFileName().toString());
			}
		}
	}

	@Test
	void thereAreNoPackageLoops() {
		final List<List<String>> loops = stronglyConnected().stream().filter(c -> c.size() > 1).toList();
		assertEquals(List.of(), loops, "packages that use each other, directly or around a loop");
	}

	@Test
	void nothingBelowTheFacesUsesThem() {
		final List<String> broken = new ArrayList<>();
		uses.forEach((from, used) -> {
			if (FACES.contains(from)) return;
			used.forEach((to, by) -> {
				if (FACES.contains(to)) broken.add(from + " -> " + to + " in " + by);
			});
		});
		assertEquals(List.of(), broken);
	}

	@Test
	void theFileLayerIsAtTheFoot() {
		final List<String> broken = new ArrayList<>();
		uses.forEach((from, used) -> {
			if (!isFileLayer(from)) return;
			used.forEach((to, by) -> {
				if (!isFileLayer(to) && !FILE_LAYER_MAY_USE.contains(to)) broken.add(from + " -> " + to + " in " + by);
			});
		});
		assertEquals(List.of(), broken);
		assertTrue(uses.containsKey("io.scan") && uses.containsKey("io.results"), "scan formats and result files have a package each");
	}

	@Test
	void theRulesSeeTheSources() {
		// a reader that found nothing would pass every rule above
		assertTrue(uses.size() >= 20, uses.keySet().toString());
		assertFalse(uses.get("pipeline").isEmpty());
		assertTrue(uses.get("plugin").containsKey("imagej"));
	}

	private static boolean isFileLayer(final String p) {
		return p.equals("io") || p.startsWith("io.");
	}

	/** Tarjan's strongly connected components of the package graph. */
	private static List<List<String>> stronglyConnected() {
		final Map<String, Integer> index = new HashMap<>(), low = new HashMap<>();
		final Deque<String> stack = new ArrayDeque<>();
		final Set<String> onStack = new TreeSet<>();
		final List<List<String>> out = new ArrayList<>();
		final int[] next = { 0 };
		for (final String v : uses.keySet())
			if (!index.containsKey(v)) connect(v, index, low, stack, onStack, out, next);
		return out;
	}

	private static void connect(final String v, final Map<String, Integer> index, final Map<String, Integer> low, final Deque<String> stack,
		final Set<String> onStack, final List<List<String>> out, final int[] next)
	{
		index.put(v, next[0]);
		low.put(v, next[0]++);
		stack.push(v);
		onStack.add(v);
		for (final String w : uses.getOrDefault(v, Map.of()).keySet()) {
			if (!index.containsKey(w)) {
				connect(w, index, low, stack, onStack, out, next);
				low.put(v, Math.min(low.get(v), low.get(w)));
			}
			else if (onStack.contains(w)) low.put(v, Math.min(low.get(v), index.get(w)));
		}
		if (low.get(v).equals(index.get(v))) {
			final List<String> component = new ArrayList<>();
			String w;
			do {
				w = stack.pop();
				onStack.remove(w);
				component.add(w);
			} while (!w.equals(v));
			out.add(component);
		}
	}
}
