package org.braggcloud.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.braggcloud.geometry.DiffractometerGeometry;
import org.braggcloud.parallel.ParallelLoop;
import org.braggcloud.preparation.PreparedScan;
import org.braggcloud.progress.ProgressListener;
import org.braggcloud.scan.DetectorSpec;
import org.braggcloud.scan.ExperimentGeometry;
import org.braggcloud.scan.RockingScan;
import org.braggcloud.scan.ScanDescriptor;
import org.braggcloud.scan.VolumeStream;

/**
 * The conventional per-pixel maps of a scan (pipeline.md §3), from one streaming pass over the
 * prepared scan. Every map is ny x nx (index y * nx + x), NaN outside the particle mask:
 * <ul>
 * <li>{@code intensity}: background-subtracted integrated counts;</li>
 * <li>{@code rocking_peak_deg}: angle of the rocking curve's maximum (parabola through the top three);</li>
 * <li>{@code centroid_row}, {@code centroid_col}, {@code centroid_angle_deg}: 3D intensity-weighted centre;</li>
 * <li>{@code fwhm_row}, {@code fwhm_col} (pixels), {@code fwhm_angle_deg}: widths of the marginals;</li>
 * <li>with geometry: {@code strain} (-dq_z/|h| in the crystal frame, relative to its median over the
 * mask), {@code tilt_x}, {@code tilt_y} (dq_x/|h|, dq_y/|h|, radians);</li>
 * <li>with geometry: the paper's pair from the 2D centre of mass at the rocking peak, relative to its
 * median over the mask: {@code paper_strain} = shift along 2-theta x pixel / distance / Bragg angle
 * (radians), and {@code paper_tilt} = shift across 2-theta x pixel / distance (radians).</li>
 * </ul>
 * Maps that cannot be made are left out and {@link #skipped()} says why.
 */
public final class ConventionalMaps {

	private final Map<String, float[]> maps;
	private final List<String> skipped;

	private ConventionalMaps(final Map<String, float[]> maps, final List<String> skipped) {
		this.maps = maps;
		this.skipped = skipped;
	}

	/** Map names in output order, each with its values. */
	public Map<String, float[]> maps() {
		return maps;
	}

	public float[] map(final String name) {
		return maps.get(name);
	}

	/** Maps that were not made, each with the reason. */
	public List<String> skipped() {
		return skipped;
	}

	public static ConventionalMaps compute(final PreparedScan prepared, final int threads, final ProgressListener progress) throws IOException {
		final RockingScan scan = prepared.view();
		final ScanDescriptor d = scan.descriptor();
		final int rows = scan.rows(), columns = scan.columns(), angles = scan.angleCount();
		final int points = scan.grid().pointCount();
		final PeakMeasurement[] peaks = new PeakMeasurement[points];
		final boolean[] mask = prepared.mask();
		final ThreadLocal<PeakAnalysis> analysis = ThreadLocal.withInitial(() -> new PeakAnalysis(rows, columns, angles, prepared.background(), prepared.hot()));
		VolumeStream.of(scan).threads(threads).progress(progress, "Measuring peaks").forEach(block -> {
			final int chunk = Math.max(1, (block.size() + threads - 1) / Math.max(1, threads));
			ParallelLoop.run(block.size(), Math.max(1, threads), chunk, (worker, s, e) -> {
				final PeakAnalysis pa = analysis.get();
				for (int i = s; i < e; i++) {
					if (!mask[block.frameIndex(i)]) continue;
					prepared.gaps().fill(block.voxels(i));
					peaks[block.frameIndex(i)] = pa.measure(block.voxels(i), prepared.background().level(block.frameIndex(i)));
				}
			});
		});
		return assemble(peaks, d, rows, columns, angles, scan.anglesDeg());
	}

	private static ConventionalMaps assemble(final PeakMeasurement[] peaks, final ScanDescriptor d, final int rows,
		final int columns, final int angles, final double[] anglesDeg)
	{
		final int n = peaks.length;
		final Map<String, float[]> maps = new LinkedHashMap<>();
		final List<String> skipped = new ArrayList<>();
		final double step = angles > 1 ? (anglesDeg[angles - 1] - anglesDeg[0]) / (angles - 1) : Double.NaN;
		maps.put("intensity", map(peaks, p -> p.integrated()));
		maps.put("rocking_peak_deg", map(peaks, p -> angleAt(anglesDeg, p.rockingPeakIndex())));
		maps.put("centroid_row", map(peaks, PeakMeasurement::centroidRow));
		maps.put("centroid_col", map(peaks, PeakMeasurement::centroidColumn));
		maps.put("centroid_angle_deg", map(peaks, p -> angleAt(anglesDeg, p.centroidAngleIndex())));
		maps.put("fwhm_row", map(peaks, PeakMeasurement::fwhmRow));
		maps.put("fwhm_col", map(peaks, PeakMeasurement::fwhmColumn));
		maps.put("fwhm_angle_deg", map(peaks, p -> p.fwhmAngleIndex() * Math.abs(step)));

		final String missing = DiffractometerGeometry.missingFrom(d, angles);
		if (missing != null) {
			skipped.add("strain, tilt_x, tilt_y, paper_strain, paper_tilt: " + missing);
			return new ConventionalMaps(maps, skipped);
		}
		final ExperimentGeometry g = d.geometry();
		final DetectorSpec det = d.detector();
		final DiffractometerGeometry geometry = DiffractometerGeometry.of(d, step);
		final LatticeDistortion distortion = new LatticeDistortion(geometry, rows, columns, angles);
		final float[] strain = new float[n], tiltX = new float[n], tiltY = new float[n];
		for (int i = 0; i < n; i++) {
			final PeakMeasurement p = peaks[i];
			if (p == null || Double.isNaN(p.centroidRow())) {
				strain[i] = tiltX[i] = tiltY[i] = Float.NaN;
				continue;
			}
			final double[] e = distortion.at(p.centroidRow(), p.centroidColumn(), p.centroidAngleIndex());
			strain[i] = (float) e[0];
			tiltX[i] = (float) e[1];
			tiltY[i] = (float) e[2];
		}
		maps.put("strain", minusMedian(strain));
		maps.put("tilt_x", tiltX);
		maps.put("tilt_y", tiltY);

		final TwoThetaProjection projection = new TwoThetaProjection(g.deltaDeg(), g.gammaDeg());
		final double angularPixel = det.pixelUm() / det.distanceUm();
		final double bragg = Math.toRadians(g.hasBraggAngle() ? g.braggDeg() : geometry.braggAngleDeg());
		maps.put("paper_strain", minusMedian(map(peaks, p -> projection.along(p.comRowAtPeak(), p.comColumnAtPeak()) * angularPixel / bragg)));
		maps.put("paper_tilt", minusMedian(map(peaks, p -> projection.across(p.comRowAtPeak(), p.comColumnAtPeak()) * angularPixel)));
		return new ConventionalMaps(maps, skipped);
	}

	/** Why the q-space maps cannot be made, or null when they can. */
	private interface Value {
		double of(PeakMeasurement p);
	}

	private static float[] map(final PeakMeasurement[] peaks, final Value value) {
		final float[] m = new float[peaks.length];
		for (int i = 0; i < m.length; i++)
			m[i] = peaks[i] == null ? Float.NaN : (float) value.of(peaks[i]);
		return m;
	}

	/** Angle in degrees at a fractional index, interpolated linearly between the listed angles. */
	static double angleAt(final double[] anglesDeg, final double index) {
		if (Double.isNaN(index)) return Double.NaN;
		if (anglesDeg.length == 1) return anglesDeg[0];
		final int i = Math.max(0, Math.min(anglesDeg.length - 2, (int) Math.floor(index)));
		return anglesDeg[i] + (index - i) * (anglesDeg[i + 1] - anglesDeg[i]);
	}

	/** Subtracts the median of the finite values; NaN stays NaN. */
	static float[] minusMedian(final float[] values) {
		final double[] finite = java.util.stream.IntStream.range(0, values.length).filter(i -> Float.isFinite(values[i]))
			.mapToDouble(i -> values[i]).sorted().toArray();
		if (finite.length == 0) return values;
		final double median = finite.length % 2 == 1 ? finite[finite.length / 2] : 0.5 * (finite[finite.length / 2 - 1] + finite[finite.length / 2]);
		final float[] out = Arrays.copyOf(values, values.length);
		for (int i = 0; i < out.length; i++)
			out[i] -= median;
		return out;
	}
}
