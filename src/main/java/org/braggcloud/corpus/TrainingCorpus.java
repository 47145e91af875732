package org.braggcloud.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.braggcloud.benchmark.Regime;
import org.braggcloud.benchmark.RegimeSimulation;
import org.braggcloud.conversion.ScanToClouds;
import org.braggcloud.io.results.CloudContainer;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.cloud.PixelCloud;
import org.braggcloud.io.scan.ScanLayout;
import org.braggcloud.io.scan.ScanOpener;
import org.braggcloud.preparation.PreparedScan;
import org.braggcloud.preparation.ScanPreparation;
import org.braggcloud.progress.ProgressListener;
import org.braggcloud.registration.RegistrationException;
import org.braggcloud.scan.PixelType;
import org.braggcloud.scan.RockingScan;
import org.braggcloud.simulation.SampleModel;
import org.braggcloud.simulation.SimulatedScanWriter;

/**
 * Point clouds to train a FoldingNet on: one simulated scan per regime (peak style and height,
 * background, ROI, domains, drift), each turned into clouds by the pipeline's own preparation and
 * cloud steps, so the network learns the clouds it will be given. Writes one container per regime,
 * {@code NNN_<regime>.h5}, which Train Autoencoder reads as one corpus (a folder of containers).
 */
public final class TrainingCorpus {

	private int nx = 20, ny = 15;
	private long seed = 1;
	private int threads = 1;
	private double[] peakShares = { ScanToClouds.DEFAULT_PEAK_SHARE };
	private ProgressListener progress = ProgressListener.NONE;

	public TrainingCorpus scanSize(final int scanNx, final int scanNy) {
		if (scanNx < 4 || scanNy < 4) throw new IllegalArgumentException("scan size must be at least 4 x 4, got " + scanNx + " x " + scanNy);
		nx = scanNx;
		ny = scanNy;
		return this;
	}

	/** Regime i is simulated with seed {@code seed + i}: every scan is a different sample. */
	public TrainingCorpus seed(final long s) {
		seed = s;
		return this;
	}

	/**
	 * The relative cuts to make each scan's clouds with (default: the pipeline's). Several give
	 * each scan's clouds once per cut: {@code 0} keeps a faceted peak's whole rods, which the
	 * pipeline's cut mostly drops, so a model also learns peaks as measured clouds show them.
	 */
	public TrainingCorpus peakShares(final double... shares) {
		if (shares.length == 0) throw new IllegalArgumentException("at least one peak share is needed");
		for (final double s : shares)
			if (!(s >= 0 && s < 1)) throw new IllegalArgumentException("peak share must be in [0, 1), found " + s);
		peakShares = shares.clone();
		return this;
	}

	public TrainingCorpus threads(final int t) {
		if (t < 1) throw new IllegalArgumentException("threads must be positive, got " + t);
		threads = t;
		return this;
	}

	public TrainingCorpus progress(final ProgressListener p) {
		progress = p;
		return this;
	}

	/** @return the number of clouds written */
	public long write(final List<Regime> regimes, final OutputFolder out) throws IOException {
		long clouds = 0;
		for (int i = 0; i < regimes.size(); i++) {
			progress.progress("Corpus scans", i, regimes.size());
			progress.checkCancelled();
			clouds += writeOne(i, regimes.get(i), out);
		}
		progress.progress("Corpus scans", regimes.size(), regimes.size());
		return clouds;
	}

	private int writeOne(final int index, final Regime regime, final OutputFolder out) throws IOException {
		final Path scratch = Files.createTempDirectory("bragg-cloud-corpus");
		try {
			final SampleModel model = RegimeSimulation.builder(regime, nx, ny, seed + index).build();
			try (OutputFolder scan = OutputFolder.create(scratch.resolve("scan"), false, "output")) {
				SimulatedScanWriter.write(model, seed + index, ScanLayout.TIFF_FRAMES, PixelType.UINT16, false, threads, scan, progress.silenced());
				scan.commit();
			}
			try (RockingScan scan = ScanOpener.open(scratch.resolve("scan/scan.json"))) {
				final PreparedScan prepared = new ScanPreparation().threads(threads).progress(progress.silenced()).prepare(scan);
				int written = 0;
				for (final double share : peakShares) {
					final List<PixelCloud> clouds = Collections.synchronizedList(new ArrayList<>());
					new ScanToClouds().peakShare(share).threads(threads).progress(progress.silenced()).run(prepared, clouds::add);
					clouds.sort(Comparator.<PixelCloud>comparingInt(PixelCloud::y).thenComparingInt(PixelCloud::x));
					final Map<String, String> settings = new LinkedHashMap<>();
					settings.put("coordinates", "index");
					settings.put("regime", regime.toString());
					settings.put("seed", Long.toString(seed + index));
					settings.put("peak_share", Double.toString(share));
					final String cut = share == ScanToClouds.DEFAULT_PEAK_SHARE ? "" : "_share" + number(share);
					new CloudContainer(nx, ny, clouds, settings).write(out.stage(String.format(Locale.ROOT, "%03d_%s%s.h5", index, key(regime), cut)));
					written += clouds.size();
				}
				return written;
			}
		}
		catch (final RegistrationException e) {
			throw new IOException("regime " + regime + ": " + e.getMessage(), e);
		}
		finally {
			OutputFolder.deleteTree(scratch);
		}
	}

	/** A file-name form of the regime: style, peak, background and shape, ROI, domains, drift. */
	static String key(final Regime r) {
		return String.format(Locale.ROOT, "%s_peak%s_bg%s_%s_roi%d_d%d_drift%s", r.style().name().toLowerCase(Locale.ROOT), number(r.peakMaximum()),
			number(r.background()), r.shape().name().toLowerCase(Locale.ROOT), r.roi(), r.domains(), number(r.driftPx()));
	}

	private static String number(final double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
	}
}
