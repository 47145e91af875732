package org.braggcloud.benchmark;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's rows as a markdown table (read in a console or pasted into an issue) and as
 * CSV (for plots). A failed run shows its reason in place of its scores.
 */
public final class RegimeTable {

	private static final String[] COLUMNS = { "style", "peak max", "background", "shape", "ROI", "angles", "domains", "drift",
		"peak >= 10 bg", "mask IoU", "ARI K given", "ARI auto (K)", "seconds" };

	private static final String CSV_HEADER = "style,peak_max,background,shape,roi,angles,domains,drift_px,acceptance_region,"
		+ "mask_iou,ari_k_given,ari_auto,k_auto,simulation_s,given_s,auto_s,seconds,failure_k_given,failure_auto";

	private RegimeTable() {}

	public static String markdownHeader() {
		final StringBuilder sb = new StringBuilder("|");
		for (final String c : COLUMNS) sb.append(' ').append(c).append(" |");
		sb.append("\n|");
		for (int i = 0; i < COLUMNS.length; i++) sb.append(" --- |");
		return sb.toString();
	}

	public static String markdownRow(final RegimeResult r) {
		final Regime g = r.regime();
		final RunScore given = r.given();
		final RunScore auto = r.automatic();
		final String[] cells = { g.style().key(), number(g.peakMaximum()), number(g.background()), g.shape().key(),
			Integer.toString(g.roi()), Integer.toString(g.angles()), Integer.toString(g.domains()), number(g.driftPx()),
			g.inAcceptanceRegion() ? "yes" : "no", score(r.maskIoU()),
			given.ok() ? score(given.ari()) : given.failure(),
			auto.ok() ? score(auto.ari()) + " (" + auto.k() + ")" : auto.failure(),
			String.format(Locale.ROOT, "%.1f", r.seconds()) };
		final StringBuilder sb = new StringBuilder("|");
		// a failure message may hold the table's own separator or line breaks
		for (final String c : cells) sb.append(' ').append(c.replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ")).append(" |");
		return sb.toString();
	}

	public static String markdown(final List<RegimeResult> results) {
		final StringBuilder sb = new StringBuilder(markdownHeader()).append('\n');
		for (final RegimeResult r : results) sb.append(markdownRow(r)).append('\n');
		return sb.toString();
	}

	/** Writes the rows under a temporary name first, so a reader never sees half a table. */
	public static void writeCsv(final Path file, final List<RegimeResult> results) throws IOException {
		final Path absolute = file.toAbsolutePath();
		final Path temporary = absolute.resolveSibling(absolute.getFileName() + ".partial");
		try (Writer w = Files.newBufferedWriter(temporary)) {
			w.write(CSV_HEADER);
			w.write('\n');
			for (final RegimeResult r : results) w.write(csvRow(r) + "\n");
		}
		try {
			Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (final java.nio.file.AtomicMoveNotSupportedException e) {
			Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	static String csvRow(final RegimeResult r) {
		final Regime g = r.regime();
		final RunScore given = r.given();
		final RunScore auto = r.automatic();
		return String.join(",", g.style().key(), number(g.peakMaximum()), number(g.background()), g.shape().key(),
			Integer.toString(g.roi()), Integer.toString(g.angles()), Integer.toString(g.domains()), number(g.driftPx()),
			Boolean.toString(g.inAcceptanceRegion()), csvScore(r.maskIoU()), csvScore(given.ari()), csvScore(auto.ari()),
			auto.ok() ? Integer.toString(auto.k()) : "", seconds(r.simulationSeconds()), seconds(given.seconds()),
			seconds(auto.seconds()), seconds(r.seconds()), quoted(given.failure()), quoted(auto.failure()));
	}

	/** Axis values as written in the issue: 0.01, 1.5, 200. */
	private static String number(final double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
	}

	private static String score(final double v) {
		return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
	}

	private static String csvScore(final double v) {
		return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
	}

	private static String seconds(final double v) {
		return String.format(Locale.ROOT, "%.2f", v);
	}

	private static String quoted(final String s) {
		return s == null ? "" : '"' + s.replace("\"", "\"\"").replaceAll("\\R", " ") + '"';
	}
}
