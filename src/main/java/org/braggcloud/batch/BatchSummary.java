package org.braggcloud.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * The batch's summary, one row per scan: {@code summary.csv} (scan, output, status, pixels, K,
 * seconds, error) and {@code summary.html}, a page that links each scan's report. Each file is
 * written under a temporary name and renamed when complete, so a summary is never half written.
 */
public final class BatchSummary {

	public static final String TABLE = "summary.csv";
	public static final String PAGE = "summary.html";

	private BatchSummary() {}

	public static void write(final Path folder, final List<ScanOutcome> outcomes) throws IOException {
		Files.createDirectories(folder);
		final StringBuilder csv = new StringBuilder("scan,output,status,pixels,k,seconds,error\n");
		for (final ScanOutcome o : outcomes)
			csv.append(String.join(",", quoted(o.scan()), quoted(o.output()), o.status().key(), Long.toString(o.pixels()), Integer.toString(o.k()),
				String.format(Locale.ROOT, "%.1f", o.seconds()), quoted(o.error() == null ? "" : o.error()))).append('\n');
		atomically(folder.resolve(TABLE), csv.toString());
		atomically(folder.resolve(PAGE), page(folder, outcomes));
	}

	private static String page(final Path folder, final List<ScanOutcome> outcomes) {
		long done = outcomes.stream().filter(o -> o.status() == ScanOutcome.Status.DONE).count();
		long skipped = outcomes.stream().filter(o -> o.status() == ScanOutcome.Status.SKIPPED).count();
		final StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Bragg Cloud batch</title>\n"
			+ "<style>body{font-family:sans-serif}td,th{padding:2px 8px;text-align:left}.failed{color:#b00}</style></head><body>\n");
		h.append("<h1>Bragg Cloud batch</h1>\n<p>").append(outcomes.size()).append(" scans: ").append(done).append(" done, ").append(skipped)
			.append(" skipped (complete already), ").append(outcomes.size() - done - skipped).append(" failed.</p>\n");
		h.append("<table><tr><th>scan</th><th>status</th><th>pixels</th><th>K</th><th>seconds</th><th>error</th></tr>\n");
		for (final ScanOutcome o : outcomes) {
			final Path out = Path.of(o.output());
			final String link = out.startsWith(folder) ? folder.relativize(out).toString().replace('\\', '/') + "/report.html" : out.toUri() + "report.html";
			h.append("<tr class=\"").append(o.status().key()).append("\"><td>")
				.append(o.status() == ScanOutcome.Status.FAILED ? escaped(o.scan()) : "<a href=\"" + escaped(link) + "\">" + escaped(o.scan()) + "</a>")
				.append("</td><td>").append(o.status().key()).append("</td><td>").append(o.pixels()).append("</td><td>").append(o.k())
				.append("</td><td>").append(String.format(Locale.ROOT, "%.1f", o.seconds())).append("</td><td>")
				.append(o.error() == null ? "" : escaped(o.error())).append("</td></tr>\n");
		}
		return h.append("</table>\n</body></html>\n").toString();
	}

	private static void atomically(final Path file, final String text) throws IOException {
		final Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
		Files.writeString(tmp, text, StandardCharsets.UTF_8);
		Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static String quoted(final String s) {
		return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
	}

	private static String escaped(final String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
