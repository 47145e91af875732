package org.braggcloud.preparation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.braggcloud.correction.BackgroundPattern;
import org.braggcloud.correction.DeadPixelFill;
import org.braggcloud.correction.DetectorBackground;
import org.braggcloud.correction.HotPixels;
import org.braggcloud.correction.NoParticleException;
import org.braggcloud.correction.ParticleMask;
import org.braggcloud.correction.ScanEvidence;
import org.braggcloud.progress.ProgressListener;
import org.braggcloud.registration.DriftRegistration;
import org.braggcloud.registration.RegistrationException;
import org.braggcloud.scan.RockingScan;

/**
 * Prepares a scan for per-pixel analysis, in this order: hot pixels (from a sample of frames);
 * drift between rocking scans (optional: phase correlation of the XRF maps, or of the per-angle
 * intensity maps when there are none), applied as a view; the detector's background pattern
 * (from a sample of whole volumes, peaks left out); each scan point's background level and
 * evidence of a Bragg peak; the particle mask from that evidence. A scan in which no point
 * carries a peak is refused ({@link NoParticleException}), never given a mask of every point.
 *
 * <pre>
 * PreparedScan p = new ScanPreparation().align(true).threads(2).progress(listener).prepare(scan);
 * </pre>
 */
public final class ScanPreparation {

	private boolean align = true;
	private boolean subpixel = true;
	private double[][] shifts;
	private DriftRegistration.Reference reference;
	private int threads = Runtime.getRuntime().availableProcessors();
	private ProgressListener progress = ProgressListener.NONE;

	/** Register the rocking scans to the first one (default true). */
	public ScanPreparation align(final boolean align) {
		this.align = align;
		return this;
	}

	public ScanPreparation subpixel(final boolean subpixel) {
		this.subpixel = subpixel;
		return this;
	}

	/** Use known shifts instead of registering; {@code shifts[i] = {dy, dx}}. */
	public ScanPreparation shifts(final double[][] known) {
		this.shifts = known;
		return this;
	}

	/** Maps to register: XRF or intensity; default XRF when the scan has XRF maps. */
	public ScanPreparation reference(final DriftRegistration.Reference kind) {
		this.reference = kind;
		return this;
	}

	public ScanPreparation threads(final int threads) {
		this.threads = Math.max(1, threads);
		return this;
	}

	public ScanPreparation progress(final ProgressListener progress) {
		this.progress = progress;
		return this;
	}

	public PreparedScan prepare(final RockingScan scan) throws IOException, RegistrationException {
		progress.progress("Finding hot pixels", 0, 1);
		final HotPixels hot = HotPixels.find(scan, HotPixels.DEFAULT_SAMPLE);
		progress.checkCancelled();
		double[][] applied = shifts;
		if (applied == null && align) applied = register(scan, hot);
		final RockingScan view = applied == null ? scan : scan.aligned(applied);
		progress.progress("Estimating background", 0, 1);
		final BackgroundPattern pattern = BackgroundPattern.estimate(view, hot, BackgroundPattern.DEFAULT_SAMPLE);
		progress.checkCancelled();
		final ScanEvidence evidence = ScanEvidence.measure(view, pattern.pattern(), pattern.valid(hot), threads, progress);
		final boolean[] mask = ParticleMask.fromEvidence(evidence, scan.grid().nx(), scan.grid().ny());
		if (!any(mask)) throw noParticle(scan, evidence, pattern);
		// Hot pixels are no data either: filled like dead ones, and never a source of a fill.
		final boolean[] missing = pattern.dead();
		for (final int h : hot.indices())
			missing[h] = true;
		final DeadPixelFill gaps = new DeadPixelFill(scan.rows(), scan.columns(), missing);
		final float[] filled = pattern.pattern();
		gaps.fillPlane(filled, 0);
		return new PreparedScan(view, applied, hot, evidence.z(), mask, DetectorBackground.of(filled, evidence.levels()), gaps);
	}

	private static boolean any(final boolean[] mask) {
		for (final boolean m : mask)
			if (m) return true;
		return false;
	}

	private static NoParticleException noParticle(final RockingScan scan, final ScanEvidence evidence, final BackgroundPattern pattern) {
		double best = 0;
		for (final float z : evidence.z())
			best = Math.max(best, z);
		double mean = 0;
		int n = 0;
		for (final float b : pattern.pattern())
			if (b > 0) {
				mean += b;
				n++;
			}
		final String where = scan.descriptor().file() != null ? scan.descriptor().file().toString() : "the scan";
		return new NoParticleException(String.format(java.util.Locale.ROOT,
			"%s: no scan point carries a Bragg peak above its background (about %.3g counts per voxel). The most "
				+ "significant peak reaches a deviate of %.2f; a point needs %.2f, which pure background reaches with chance %.0e. "
				+ "Check that the detector ROI holds the Bragg peak and that the frames are the diffraction frames.",
			where, n > 0 ? mean / n : 0, best, ParticleMask.criticalZ(ParticleMask.SEED_FALSE_ALARM, evidence.boxes()),
			ParticleMask.SEED_FALSE_ALARM));
	}

	/** Registers the per-angle maps chosen by {@link #reference}. */
	public double[][] register(final RockingScan scan, final HotPixels hot) throws IOException, RegistrationException {
		final DriftRegistration.Reference kind = reference != null ? reference
			: scan.hasXrf() ? DriftRegistration.Reference.XRF : DriftRegistration.Reference.INTENSITY;
		if (kind == DriftRegistration.Reference.XRF && !scan.hasXrf())
			throw new RegistrationException("reference 'xrf' was asked for, but the descriptor lists no XRF maps; use reference 'intensity' or align=false");
		final List<float[]> maps = new ArrayList<>();
		if (kind == DriftRegistration.Reference.XRF) {
			for (int a = 0; a < scan.angleCount(); a++)
				maps.add(scan.xrf(a).values());
		}
		else {
			final AngleIntensityMaps perAngle = AngleIntensityMaps.compute(scan, hot, threads, progress);
			for (int a = 0; a < scan.angleCount(); a++)
				maps.add(perAngle.angle(a));
		}
		progress.progress("Registering rocking scans", 0, 1);
		return DriftRegistration.register(maps, scan.grid().nx(), scan.grid().ny(), kind, subpixel);
	}
}
