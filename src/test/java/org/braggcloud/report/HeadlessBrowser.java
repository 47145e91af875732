package org.braggcloud.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a page in Debian's chromium, headless, and reads back the attributes the page's own check
 * script set on its body once loaded ({@link ReportPage}): a real browser decoding every image.
 */
public final class HeadlessBrowser {

	private HeadlessBrowser() {}

	/** The body's attributes after load, e.g. {@code data-check=ok, data-images=9}. */
	public static Map<String, String> bodyAfterLoad(final Path page) throws IOException, InterruptedException {
		final Process p = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu",
			"--virtual-time-budget=10000", "--dump-dom", page.toUri().toString()).redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		final String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!p.waitFor(120, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new IOException("chromium did not finish on " + page);
		}
		final Matcher body = Pattern.compile("<body([^>]*)>").matcher(dom);
		if (!body.find()) throw new IOException("chromium returned no <body> for " + page + " (exit " + p.exitValue() + ")");
		final Map<String, String> attributes = new HashMap<>();
		final Matcher a = Pattern.compile("([\\w-]+)=\"([^\"]*)\"").matcher(body.group(1));
		while (a.find()) attributes.put(a.group(1), a.group(2));
		return attributes;
	}
}
