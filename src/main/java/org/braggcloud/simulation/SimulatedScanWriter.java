package org.braggcloud.simulation;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.braggcloud.geometry.DiffractometerGeometry;
import org.braggcloud.io.CalibratedImages;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.io.scan.ScanLayout;
import org.braggcloud.io.scan.ScanWriter;
import org.braggcloud.io.TiffImageFile;
import org.braggcloud.progress.ProgressListener;
import org.braggcloud.scan.DetectorSpec;
import org.braggcloud.scan.ExperimentGeometry;
import org.braggcloud.scan.PixelType;
import org.braggcloud.scan.ScanDescriptor;
import org.braggcloud.scan.ScanGrid;

/**
 * Writes a {@link SampleModel} as a scan on disk, in any layout, with its ground truth beside it
 * in {@code truth/}:
 * <ul>
 * <li>{@code labels.tif} (domain labels, 0 outside the particle), {@code thickness.tif};</li>
 * <li>{@code peak_row.tif}, {@code peak_column.tif}, {@code peak_angle_deg.tif}: true centre of
 * each pixel's main peak (detector pixels, 0-based; degrees), NaN outside;</li>
 * <li>{@code strain.tif}, {@code tilt_x.tif}, {@code tilt_y.tif}: -dq_z/|h|, dq_x/|h|, dq_y/|h|;</li>
 * <li>{@code drift.csv} ({@code angle_index,dy,dx}), {@code domains.csv} (faceted domains add their
 * variant, rod count, rotation, core broadening and rod split), {@code hot_pixels.csv};</li>
 * <li>{@code rods.csv}: the truncation rods of faceted peaks, label 0 the particle's reference
 * pattern (direction in the crystal frame; lengths, widths and offsets relative to |h|);</li>
 * <li>{@code dead_lines.csv} ({@code axis,index}): detector columns and rows that read 0.</li>
 * </ul>
 * Every frame draws its noise from a generator seeded by (seed, angle, frame), so the output is
 * the same for a seed whatever the thread count.
 */
public final class SimulatedScanWriter {

	private SimulatedScanWriter() {}

	/**
	 * Writes {@code scan.json}, the frames, XRF maps and ground truth into {@code out} (staged; the
	 * caller commits).
	 */
	public static ScanDescriptor write(final SampleModel model, final long seed, final ScanLayout layout,
		final PixelType pixelType, final boolean flipVertical, final int threads, final OutputFolder out,
		final ProgressListener progress) throws IOException
	{
		final DiffractometerGeometry g = model.geometry();
		final ScanGrid grid = new ScanGrid(model.nx(), model.ny(), model.stepUm());
		final ScanDescriptor descriptor = new ScanWriter().name(String.format(Locale.ROOT, "simulated (seed %d)", seed))
			.grid(grid).anglesDeg(model.anglesDeg()).detectorSize(model.detectorRows(), model.detectorColumns())
			.layout(layout).pixelType(pixelType).flipVertical(flipVertical).threads(threads).progress(progress)
			.detector(new DetectorSpec(g.pixelUm(), g.distanceUm()))
			.geometry(new ExperimentGeometry(g.energyKev(), g.deltaDeg(), g.gammaDeg(), g.braggAngleDeg()))
			.write(out, "scan.json",
				(angle, frame, buf) -> model.sampleFrame(angle, grid.x(frame), grid.y(frame), new SplittableRandom(mix(seed, angle, frame)), buf),
				angle -> model.xrfMap(angle, new SplittableRandom(mix(seed, angle, -1))));
		writeTruth(model, out);
		return descriptor;
	}

	private static long mix(final long seed, final int angle, final int frame) {
		// SplittableRandom scrambles its seed, so a simple injective combination suffices.
		return seed * 0x9E3779B97F4A7C15L + ((long) angle << 32) + (frame & 0xffffffffL);
	}

	private static void writeTruth(final SampleModel model, final OutputFolder out) throws IOException {
		final GroundTruth t = model.truth();
		final int nx = model.nx(), ny = model.ny();
		final double step = model.stepUm();
		TiffImageFile.write(CalibratedImages.labelImage("labels", t.labels(), nx, ny, step, "um"), out.stage("truth/labels.tif"));
		floatMap(out, "thickness", t.thickness(), nx, ny, step);
		floatMap(out, "peak_row", t.peakRow(), nx, ny, step);
		floatMap(out, "peak_column", t.peakColumn(), nx, ny, step);
		floatMap(out, "peak_angle_deg", t.peakAngleDeg(), nx, ny, step);
		floatMap(out, "strain", t.strain(), nx, ny, step);
		floatMap(out, "tilt_x", t.tiltX(), nx, ny, step);
		floatMap(out, "tilt_y", t.tiltY(), nx, ny, step);

		try (Writer w = Files.newBufferedWriter(out.stage("truth/drift.csv"))) {
			w.write("angle_index,dy,dx\n");
			final double[][] drift = t.driftPx();
			for (int a = 0; a < drift.length; a++)
				w.write(String.format(Locale.ROOT, "%d,%.6f,%.6f%n", a, drift[a][0], drift[a][1]));
		}
		try (Writer w = Files.newBufferedWriter(out.stage("truth/domains.csv"))) {
			w.write("label,kind,centre_x,centre_y,strain,tilt_x,tilt_y,width_x,width_y,width_z,split_fraction,streak_width"
				+ ",facet_kind,rod_count,rotation_deg,core_broadening,rod_split\n");
			final List<Domain> domains = t.domains();
			for (final Domain d : domains) {
				w.write(String.format(Locale.ROOT, "%d,%s,%.4f,%.4f,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.4f,%.6g", d.label(),
					d.kind().name().toLowerCase(Locale.ROOT), d.centreX(), d.centreY(), d.strain(), d.tiltX(), d.tiltY(),
					d.widthX(), d.widthY(), d.widthZ(), d.splitFraction(), d.streakWidth()));
				final FacetedPeak f = d.facets();
				if (f == null)
					w.write(",,0,0,1,0\n");
				else
					w.write(String.format(Locale.ROOT, ",%s,%d,%.4f,%.4f,%.6g%n", f.kind().name().toLowerCase(Locale.ROOT),
						f.rods().size(), f.rotationDeg(), f.coreBroadening(), f.splitSeparation()));
			}
		}
		try (Writer w = Files.newBufferedWriter(out.stage("truth/rods.csv"))) {
			w.write("label,direction_x,direction_y,direction_z,length,width,rocking_width,strength,offset_x,offset_y,offset_z,one_sided\n");
			writeRods(w, 0, t.referenceRods());
			for (final Domain d : t.domains())
				if (d.facets() != null) writeRods(w, d.label(), d.facets().rods());
		}
		try (Writer w = Files.newBufferedWriter(out.stage("truth/dead_lines.csv"))) {
			w.write("axis,index\n");
			for (final int c : t.deadColumns())
				w.write("column," + c + "\n");
			for (final int r : t.deadRows())
				w.write("row," + r + "\n");
		}
		try (Writer w = Files.newBufferedWriter(out.stage("truth/hot_pixels.csv"))) {
			w.write("row,column\n");
			for (final int p : t.hotPixels())
				w.write((p / model.detectorColumns()) + "," + (p % model.detectorColumns()) + "\n");
		}
	}

	private static void writeRods(final Writer w, final int label, final List<TruncationRod> rods) throws IOException {
		for (final TruncationRod r : rods)
			w.write(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6f,%.6g,%.6g,%.6g,%.4f,%.6g,%.6g,%.6g,%b%n", label,
				r.directionX(), r.directionY(), r.directionZ(), r.length(), r.width(), r.rockingWidth(), r.strength(),
				r.offsetX(), r.offsetY(), r.offsetZ(), r.oneSided()));
	}

	private static void floatMap(final OutputFolder out, final String name, final float[] values, final int nx,
		final int ny, final double step) throws IOException
	{
		TiffImageFile.write(CalibratedImages.floatImage(name, values, nx, ny, step, "um"), out.stage("truth/" + name + ".tif"));
	}
}
