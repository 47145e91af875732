package org.braggcloud.preparation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.braggcloud.analysis.AngleIntensityMaps;
import org.braggcloud.correction.DetectorBackground;
import org.braggcloud.correction.HotPixels;
import org.braggcloud.correction.ParticleMask;
import org.braggcloud.progress.ProgressListener;
import org.braggcloud.registration.DriftRegistration;
import org.braggcloud.registration.RegistrationException;
import org.braggcloud.scan.RockingScan;

/**
 * Prepares a scan for per-pixel analysis, in this order: hot pixels (from a sample of frames);
 * drift between rocking scans (optional: phase correlation of the XRF maps, or of the per-angle
 * intensity maps when there are none), applied as a view; integrated intensity and particle mask
 * of the aligned scan; detector background from frames outside the mask.
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
		final float[] integrated = AngleIntensityMaps.compute(view, hot, threads, progress).total();
		final boolean[] mask = ParticleMask.fromIntensity(integrated);
		progress.progress("Estimating background", 0, 1);
		final DetectorBackground background = DetectorBackground.estimate(view, mask, integrated, hot, DetectorBackground.DEFAULT_SAMPLE);
		return new PreparedScan(view, applied, hot, integrated, mask, background);
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
