package org.braggcloud.spark;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A standalone Spark cluster on this machine, on loopback only: a master and workers started as
 * processes from Spark's own classes ({@code org.apache.spark.deploy.master.Master},
 * {@code ...worker.Worker}), the way a beamline's cluster runs them, for tests and benchmarks of
 * the cluster path without installing Spark. Workers launch executors from a Spark home whose
 * {@code jars} folder links the Spark jars of this JVM's class path. {@link #close()} stops every
 * process it started.
 */
public final class LocalCluster implements AutoCloseable {

	private static final long START_SECONDS = 90;

	private final Path home;
	private final List<String> javaOptions;
	private final List<Process> processes = new ArrayList<>();
	private final List<Process> workers = new ArrayList<>();
	private final String master;

	/**
	 * @param folder      a folder of its own for the Spark home and the workers' files
	 * @param workerCount workers, each with {@code cores} cores and {@code memoryMb} for executors
	 * @param javaOptions options every process gets (on Java 17, Spark's --add-opens)
	 */
	public LocalCluster(final Path folder, final int workerCount, final int cores, final int memoryMb, final List<String> javaOptions)
		throws IOException
	{
		home = folder.resolve("spark-home");
		this.javaOptions = List.copyOf(javaOptions);
		linkSparkJars(Files.createDirectories(home.resolve("jars")));
		try {
			master = await(start("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", "0", "--webui-port", "0"),
				Pattern.compile("Starting Spark master at (spark://127\\.0\\.0\\.1:\\d+)"));
			for (int i = 1; i <= workerCount; i++) {
				final Path work = Files.createDirectories(folder.resolve("worker-" + i));
				final Process w = start("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", Integer.toString(cores),
					"--memory", memoryMb + "m", "--webui-port", "0", "--work-dir", work.toString(), master);
				await(w, Pattern.compile("(Successfully registered with master)"));
				workers.add(w);
			}
		}
		catch (final IOException | RuntimeException e) {
			close();
			throw e;
		}
	}

	/** {@code spark://127.0.0.1:port}. */
	public String master() {
		return master;
	}

	/** Kills worker {@code i} (from 0) and its executors at once, as a machine that dies. */
	public void killWorker(final int i) {
		final Process w = workers.get(i);
		w.descendants().forEach(ProcessHandle::destroyForcibly);
		w.destroyForcibly();
	}

	@Override
	public void close() {
		for (final Process p : processes) p.descendants().forEach(ProcessHandle::destroyForcibly);
		for (final Process p : processes) {
			try {
				p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static void linkSparkJars(final Path jars) throws IOException {
		for (final String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			final Path p = Path.of(entry);
			// Bragg Cloud itself reaches the executors in the application's jar, as on a real cluster
			if (!entry.endsWith(".jar") || p.getFileName().toString().startsWith("bragg-cloud")) continue;
			final Path link = jars.resolve(p.getFileName());
			if (!Files.exists(link)) Files.createSymbolicLink(link, p.toAbsolutePath());
		}
	}

	private Process start(final String mainClass, final String... args) throws IOException {
		final List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m"));
		cmd.addAll(javaOptions);
		cmd.addAll(List.of("-cp", home.resolve("jars") + File.separator + "*", mainClass));
		cmd.addAll(List.of(args));
		final ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true);
		b.environment().put("SPARK_HOME", home.toString());
		// a Spark home without a build tree: the launcher would look for one to learn Scala's version
		b.environment().put("SPARK_SCALA_VERSION", "2.13");
		b.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
		final Process p = b.start();
		processes.add(p);
		return p;
	}

	/** Reads the process's log until the pattern appears; the rest is drained in the background. */
	private static String await(final Process p, final Pattern pattern) throws IOException {
		final BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
		final CompletableFuture<String> found = new CompletableFuture<>();
		final Thread drain = new Thread(() -> {
			try {
				for (String line; (line = r.readLine()) != null;) {
					final Matcher m = pattern.matcher(line);
					if (!found.isDone() && m.find()) found.complete(m.group(1));
				}
				found.completeExceptionally(new IOException("the Spark process ended before it logged '" + pattern + "'"));
			}
			catch (final IOException e) {
				found.completeExceptionally(e);
			}
		}, "spark-log");
		drain.setDaemon(true);
		drain.start();
		try {
			return found.get(START_SECONDS, TimeUnit.SECONDS);
		}
		catch (final ExecutionException e) {
			throw new IOException(e.getCause().getMessage(), e.getCause());
		}
		catch (final TimeoutException e) {
			throw new IOException("no '" + pattern + "' from the Spark process within " + START_SECONDS + " s");
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while starting Spark");
		}
	}
}
