import ij.gui.Plot;
import ij.io.FileSaver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Draws a (seconds, rss_mb) CSV as a PNG with ImageJ's Plot, headless (FileSaver, not IJ.saveAs, which builds menus). Run as a single-file
 * program on the project's class path: {@code java -cp ... RssPlot.java in.csv out.png "title"}.
 */
public class RssPlot {

	public static void main(final String[] args) throws Exception {
		final List<String> rows = Files.readAllLines(Path.of(args[0]));
		final double[] t = new double[rows.size() - 1], rss = new double[rows.size() - 1];
		for (int i = 1; i < rows.size(); i++) {
			final String[] f = rows.get(i).split(",");
			t[i - 1] = Double.parseDouble(f[0]);
			rss[i - 1] = Double.parseDouble(f[1]);
		}
		final Plot plot = new Plot(args.length > 2 ? args[2] : "JVM resident memory", "time (s)", "VmRSS (MB)");
		plot.setSize(560, 320);
		plot.add("line", t, rss);
		plot.setLimits(0, t.length == 0 ? 1 : t[t.length - 1], 0, 1.1 * max(rss));
		if (args.length > 2) plot.addLabel(0.02, 0.08, args[2]);
		if (!new FileSaver(plot.getImagePlus()).saveAsPng(args[1])) throw new IllegalStateException("could not write " + args[1]);
	}

	private static double max(final double[] v) {
		double m = 1;
		for (final double x : v) m = Math.max(m, x);
		return m;
	}
}
