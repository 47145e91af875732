package org.braggcloud.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report page in a real headless browser: its check passes when it should and fails when it should. */
class ReportPageTest {

	@TempDir
	Path dir;

	@Test
	void aGoodPageLoadsEveryImageAndABrokenOneIsCaught() throws Exception {
		final Path png = dir.resolve("x.png");
		new FileSaver(new ImagePlus("x", new ByteProcessor(20, 10))).saveAsPng(png.toString());
		final ReportPage page = new ReportPage("A <test> & report").paragraph("quotes \" and <tags> are escaped")
			.keyValues(Map.of("k", "v")).table(List.of("a", "b"), List.of(List.of("1", "2")))
			.figure(Files.readAllBytes(png), "one").figure(Files.readAllBytes(png), "two");
		final Path good = dir.resolve("good.html");
		page.write(good);
		final String html = Files.readString(good);
		assertFalse(html.contains("<test>"), "text is escaped");
		assertFalse(html.contains("src=\"http"), "nothing is fetched from elsewhere");
		final Map<String, String> ok = HeadlessBrowser.bodyAfterLoad(good);
		assertEquals("ok", ok.get("data-check"), ok.toString());
		assertEquals("2", ok.get("data-images"));

		final Path broken = dir.resolve("broken.html");
		Files.writeString(broken, html.replaceFirst("base64,[A-Za-z0-9+/=]+", "base64,AAAA"));
		final Map<String, String> bad = HeadlessBrowser.bodyAfterLoad(broken);
		assertEquals("failed", bad.get("data-check"), bad.toString());
		assertEquals("1", bad.get("data-broken"));
		assertTrue(Files.size(good) > 0);
	}
}
