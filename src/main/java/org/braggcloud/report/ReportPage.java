package org.braggcloud.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One self-contained HTML page (images inlined as data URIs, no scripts or styles from
 * elsewhere), so a batch user can open, mail or archive a run's report as a single file. A small
 * inline script marks the page body once loaded: {@code data-check="ok"} when every image decoded
 * and no script error occurred, else {@code "failed"} with counts, which lets a headless browser
 * verify the page.
 */
public final class ReportPage {

	private final StringBuilder body = new StringBuilder();
	private final String title;

	public ReportPage(final String title) {
		this.title = title;
		body.append("<h1>").append(escape(title)).append("</h1>\n");
	}

	public ReportPage heading(final String text) {
		body.append("<h2>").append(escape(text)).append("</h2>\n");
		return this;
	}

	public ReportPage paragraph(final String text) {
		body.append("<p>").append(escape(text)).append("</p>\n");
		return this;
	}

	/** A two-column table of names and values. */
	public ReportPage keyValues(final Map<String, String> values) {
		body.append("<table class=\"kv\">\n");
		for (final Map.Entry<String, String> e : values.entrySet())
			body.append("<tr><th>").append(escape(e.getKey())).append("</th><td>").append(escape(e.getValue())).append("</td></tr>\n");
		body.append("</table>\n");
		return this;
	}

	/** A table with a header row. */
	public ReportPage table(final List<String> columns, final List<List<String>> rows) {
		body.append("<table>\n<tr>");
		for (final String c : columns) body.append("<th>").append(escape(c)).append("</th>");
		body.append("</tr>\n");
		for (final List<String> row : rows) {
			body.append("<tr>");
			for (final String v : row) body.append("<td>").append(escape(v)).append("</td>");
			body.append("</tr>\n");
		}
		body.append("</table>\n");
		return this;
	}

	/** A PNG figure with a caption; the image travels inside the page. */
	public ReportPage figure(final byte[] png, final String caption) {
		body.append("<figure><img alt=\"").append(escape(caption)).append("\" src=\"data:image/png;base64,")
			.append(Base64.getEncoder().encodeToString(png)).append("\"><figcaption>").append(escape(caption))
			.append("</figcaption></figure>\n");
		return this;
	}

	public String html() {
		return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title) + "</title>\n<style>\n"
			+ "body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}\n"
			+ "table{border-collapse:collapse;margin:0.5em 0 1.5em}th,td{border:1px solid #ccc;padding:3px 8px;text-align:right}\n"
			+ "table.kv th{text-align:left;background:#f4f4f4}figure{display:inline-block;margin:0.5em 1em 1em 0;vertical-align:top}\n"
			+ "img{max-width:100%;border:1px solid #ddd}figcaption{font-size:90%;color:#555}\n"
			+ "</style>\n</head>\n<body data-check=\"pending\">\n" + body
			+ "<script>\n(function(){var errors=0;window.addEventListener('error',function(){errors++;},true);\n"
			+ "window.addEventListener('load',function(){var imgs=document.images,bad=0;\n"
			+ "for(var i=0;i<imgs.length;i++){if(!(imgs[i].complete&&imgs[i].naturalWidth>0))bad++;}\n"
			+ "var b=document.body;b.setAttribute('data-images',imgs.length);b.setAttribute('data-broken',bad);\n"
			+ "b.setAttribute('data-errors',errors);b.setAttribute('data-check',bad===0&&errors===0?'ok':'failed');});})();\n"
			+ "</script>\n</body>\n</html>\n";
	}

	public void write(final Path file) throws IOException {
		Files.writeString(file, html(), StandardCharsets.UTF_8);
	}

	static String escape(final String s) {
		final StringBuilder b = new StringBuilder(s.length());
		for (final char c : s.toCharArray()) {
			switch (c) {
				case '<' -> b.append("&lt;");
				case '>' -> b.append("&gt;");
				case '&' -> b.append("&amp;");
				case '"' -> b.append("&quot;");
				default -> b.append(c);
			}
		}
		return b.toString();
	}
}
