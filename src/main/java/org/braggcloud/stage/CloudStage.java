package org.braggcloud.stage;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.braggcloud.cloud.PixelCloud;
import org.braggcloud.cloud.PlyFormat;
import org.braggcloud.cloud.PlyWriter;
import org.braggcloud.conversion.CloudCoordinates;
import org.braggcloud.conversion.CloudSampling;
import org.braggcloud.conversion.PaperClouds;
import org.braggcloud.conversion.ScanToClouds;
import org.braggcloud.denoise.DenoiseChain;
import org.braggcloud.geometry.DiffractometerGeometry;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.io.results.CloudContainer;
import org.braggcloud.io.results.NamedClouds;
import org.braggcloud.preparation.PreparedScan;
import org.braggcloud.progress.ProgressListener;
import org.braggcloud.scan.RockingScan;
import org.braggcloud.scan.ScanDescriptor;
import org.braggcloud.scan.ScanGrid;

/**
 * The clouds step: one point cloud per masked scan point, and its files under {@code clouds/}:
 * {@code clouds.h5} (every cloud and the settings that made it), {@code ply/pixel_RRR_CCC.ply}
 * when asked, and {@code empty_clouds.csv} when some masked points gave no cloud.
 */
public final class CloudStage {

	/**
	 * @param threshold   "auto" (significance against each voxel's background) or counts
	 * @param coordinates "index", "q-lab" or "q-crystal"; ignored under the paper's frame
	 * @param angleScale  index units per rocking step (index coordinates)
	 * @param denoise     the denoising chain's key
	 * @param points      points per cloud, 0 for all; under the paper's frame the size of its random subset
	 * @param sampling    how a cloud is cut to {@code points}: "farthest" or "random"
	 * @param clip        intensity clip in counts, 0 for none
	 * @param peakShare   keep points above this share of the cloud's brightest
	 * @param paper       the paper's frame: a seeded random subset in 1-based (row, column, 10 x angle) units
	 * @param ply         also write one PLY per cloud, in this format; null for none
	 */
	public record Options(String threshold, String coordinates, double angleScale, String denoise, int points, String sampling,
		double clip, double peakShare, boolean paper, PlyFormat ply, int threads) implements java.io.Serializable
	{
		/** The pipeline's: automatic threshold, index units, the paper's denoising, every point. */
		public static Options defaults(final int threads) {
			return new Options("auto", "index", 10, "paper", 0, "farthest", 0, ScanToClouds.DEFAULT_PEAK_SHARE, false, null, threads);
		}

		public Options withPaperFrame(final int subset) {
			return new Options(threshold, coordinates, angleScale, denoise, subset, sampling, clip, peakShare, true, ply, threads);
		}

		public Options withPly(final PlyFormat format) {
			return new Options(threshold, coordinates, angleScale, denoise, points, sampling, clip, peakShare, paper, format, threads);
		}
	}

	/**
	 * @param clouds sorted by scan row, then column
	 * @param named  the same clouds named as a reader of {@code clouds.h5} names them
	 * @param automatic whether points were kept by significance rather than a fixed threshold
	 */
	public record Result(List<PixelCloud> clouds, NamedClouds named, ScanToClouds.Summary summary, boolean automatic) {}

	private CloudStage() {}

	/**
	 * The clouds of a scan before they are written: sorted by scan row, then column. Serialisable
	 * so that a block of scan points can be made on another machine ({@link #merge}).
	 *
	 * @param automatic whether points were kept by significance rather than a fixed threshold
	 */
	public record Clouds(List<PixelCloud> clouds, ScanToClouds.Summary summary, boolean automatic) implements java.io.Serializable {
		private static final long serialVersionUID = 1L;
	}

	/** Makes the clouds and writes them into {@code out} (staged; the caller commits). */
	public static Result run(final RockingScan scan, final PreparedScan prepared, final Options o, final OutputFolder out,
		final ProgressListener progress) throws IOException
	{
		return write(scan, make(scan, prepared, o, progress), o, out);
	}

	/** The clouds of every point of {@code prepared}'s mask (a block of the scan when the mask is one). */
	public static Clouds make(final RockingScan scan, final PreparedScan prepared, final Options o, final ProgressListener progress)
		throws IOException
	{
		final ScanGrid grid = scan.grid();
		final ScanToClouds conversion = conversion(o, scan).threads(o.threads()).progress(progress);
		final List<PixelCloud> clouds = Collections.synchronizedList(new ArrayList<>());
		final ScanToClouds.Summary summary = conversion.run(prepared, raw -> {
			// under the paper's frame every copy of a cloud (PLY and container) is in that frame
			clouds.add(o.paper() ? PaperClouds.of(raw, PixelCloud.name(raw.x(), raw.y(), grid.nx(), grid.ny()), o.points()) : raw);
		});
		final List<PixelCloud> sorted = new ArrayList<>(clouds);
		sorted.sort(BY_POSITION);
		return new Clouds(sorted, summary, conversion.bySignificance(prepared));
	}

	/**
	 * The clouds of blocks of one scan, made apart ({@link #make} on masks that split
	 * {@code prepared}'s), as {@link #make} makes them on the whole: the clouds in scan order, the
	 * counts summed, and the fixed threshold's median taken over the whole mask.
	 */
	public static Clouds merge(final List<Clouds> blocks, final RockingScan scan, final PreparedScan prepared, final Options o) {
		final List<PixelCloud> clouds = new ArrayList<>();
		final List<int[]> empty = new ArrayList<>();
		long points = 0;
		for (final Clouds b : blocks) {
			clouds.addAll(b.clouds());
			empty.addAll(b.summary().emptyPixels());
			points += b.summary().points();
		}
		clouds.sort(BY_POSITION);
		empty.sort(Comparator.<int[]>comparingInt(p -> p[1]).thenComparingInt(p -> p[0]));
		final ScanToClouds conversion = conversion(o, scan);
		final boolean automatic = conversion.bySignificance(prepared);
		final double threshold = automatic ? Double.NaN : ScanToClouds.median(conversion.thresholdsFor(prepared), prepared.mask());
		return new Clouds(clouds, new ScanToClouds.Summary(threshold, clouds.size(), points, empty), automatic);
	}

	/** Writes {@code made} into {@code out}: the container, the PLY files when asked, the empty points. */
	public static Result write(final RockingScan scan, final Clouds made, final Options o, final OutputFolder out) throws IOException {
		final ScanGrid grid = scan.grid();
		final List<PixelCloud> clouds = made.clouds();
		final ScanToClouds.Summary summary = made.summary();
		if (o.ply() != null)
			for (final PixelCloud c : clouds)
				PlyWriter.write(out.stage("clouds/ply/" + PixelCloud.name(c.x(), c.y(), grid.nx(), grid.ny()) + ".ply"), c.cloud(), o.ply());
		final boolean automatic = made.automatic();
		final Map<String, String> settings = new LinkedHashMap<>();
		settings.put("coordinates", o.paper() ? PaperClouds.COORDINATES : o.coordinates());
		settings.put("angle_scale", Double.toString(o.angleScale()));
		settings.put("threshold", automatic ? "auto" : Double.toString(summary.threshold()));
		settings.put("peak_share", Double.toString(o.peakShare()));
		settings.put("denoise", o.denoise());
		settings.put("points", Integer.toString(o.points()));
		settings.put("scan", scan.descriptor().file().toString());
		settings.put("step_um", Double.toString(grid.stepUm()));
		new CloudContainer(grid.nx(), grid.ny(), clouds, settings).write(out.stage("clouds/clouds.h5"));
		if (!summary.emptyPixels().isEmpty()) {
			try (Writer w = Files.newBufferedWriter(out.stage("clouds/empty_clouds.csv"))) {
				w.write("x,y,reason\n");
				for (final int[] p : summary.emptyPixels())
					w.write(p[0] + "," + p[1] + ",no point left after the threshold and denoising\n");
			}
		}
		// the clouds are in memory already: name them as a reader of the container would, no re-read
		final List<NamedClouds.Entry> entries = new ArrayList<>();
		for (final PixelCloud c : clouds)
			entries.add(new NamedClouds.Entry(PixelCloud.name(c.x(), c.y(), grid.nx(), grid.ny()), c.x(), c.y(), c.cloud()));
		entries.sort(Comparator.comparing(NamedClouds.Entry::name));
		return new Result(List.copyOf(clouds), new NamedClouds(entries, grid.nx(), grid.ny(), grid.stepUm()), summary, automatic);
	}

	private static final Comparator<PixelCloud> BY_POSITION = Comparator.<PixelCloud>comparingInt(PixelCloud::y).thenComparingInt(PixelCloud::x);

	/** Checks every option against the scan (q coordinates need its geometry) before any long work; throws IllegalArgumentException. */
	public static void check(final Options o, final RockingScan scan) {
		conversion(o, scan);
	}

	/** The conversion the options describe, each value checked. */
	static ScanToClouds conversion(final Options o, final RockingScan scan) {
		final ScanToClouds c = new ScanToClouds().threshold(threshold(o.threshold())).denoise(DenoiseChain.parse(o.denoise()))
			.points(o.paper() ? 0 : o.points(), CloudSampling.fromKey(o.sampling()), 1).coordinates(coordinates(o, scan)).peakShare(o.peakShare());
		if (o.clip() > 0) c.clip(o.clip());
		return c;
	}

	/** "auto" (NaN) or a count >= 0. */
	public static double threshold(final String text) {
		if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("auto")) return Double.NaN;
		try {
			final double t = Double.parseDouble(text.trim());
			if (!(t >= 0)) throw new NumberFormatException();
			return t;
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("threshold must be 'auto' or a number of counts >= 0, found '" + text + "'");
		}
	}

	private static CloudCoordinates coordinates(final Options o, final RockingScan scan) {
		final CloudCoordinates.System system = CloudCoordinates.System.fromKey(o.coordinates());
		if (o.paper() || system == CloudCoordinates.System.INDEX) return CloudCoordinates.index(o.angleScale());
		final ScanDescriptor d = scan.descriptor();
		final String missing = DiffractometerGeometry.missingFrom(d, scan.angleCount());
		if (missing != null)
			throw new IllegalArgumentException(d.file() + ": coordinates '" + o.coordinates() + "' need the diffractometer geometry, but " + missing
				+ "; use coordinates=index");
		final double[] angles = scan.anglesDeg();
		final DiffractometerGeometry g = DiffractometerGeometry.of(d, (angles[angles.length - 1] - angles[0]) / (angles.length - 1));
		return CloudCoordinates.reciprocal(g, system == CloudCoordinates.System.Q_CRYSTAL, scan.rows(), scan.columns(), scan.angleCount());
	}
}
