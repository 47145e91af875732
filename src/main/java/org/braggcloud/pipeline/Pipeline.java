package org.braggcloud.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.braggcloud.analysis.ConventionalMaps;
import org.braggcloud.analysis.PeakDescriptors;
import org.braggcloud.cloud.PlyWriter;
import org.braggcloud.conversion.ScanToClouds;
import org.braggcloud.imagej.CalibratedImages;
import org.braggcloud.imagej.MapImages;
import org.braggcloud.io.CloudContainer;
import org.braggcloud.io.FeatureFiles;
import org.braggcloud.io.MapTable;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.io.PixelCloud;
import org.braggcloud.io.ScanOpener;
import org.braggcloud.io.ShiftsFile;
import org.braggcloud.io.TiffImageFile;
import org.braggcloud.network.model.NamedClouds;
import org.braggcloud.preparation.PreparedScan;
import org.braggcloud.preparation.ScanPreparation;
import org.braggcloud.progress.ProgressListener;
import org.braggcloud.registration.RegistrationException;
import org.braggcloud.scan.RockingScan;
import org.braggcloud.scan.ScanGrid;

/**
 * From a raw scan to a map of defect domains in one run: open, register and mask, conventional
 * maps, point clouds (the paper's denoising chain), autoencoder training, features, clusters and
 * the report. Each step commits its files when it completes, so a failure leaves the earlier
 * steps' results intact and a {@link PipelineException} names the step that failed.
 */
public final class Pipeline {

	private final PipelineOptions options;
	private ProgressListener progress = ProgressListener.NONE;

	public Pipeline(final PipelineOptions options) {
		this.options = options;
	}

	public Pipeline progress(final ProgressListener listener) {
		this.progress = listener;
		return this;
	}

	/** Runs every step on {@code scanFile}, writing into {@code out}, and commits the last step. */
	public PipelineResult run(final Path scanFile, final OutputFolder out) throws IOException {
		final Map<PipelineStep, Double> seconds = new EnumMap<>(PipelineStep.class);
		final Steps steps = new Steps(out, seconds);
		try (RockingScan scan = steps.run(PipelineStep.OPEN, () -> ScanOpener.open(scanFile))) {
			final ScanGrid grid = scan.grid();
			final PreparedScan prepared = steps.run(PipelineStep.PREPARE, () -> {
				final PreparedScan p = new ScanPreparation().align(options.align()).threads(options.threads()).progress(progress)
					.prepare(scan);
				if (p.maskedCount() < 2) throw new IllegalArgumentException("the particle mask holds " + p.maskedCount() +
					" scan points; at least 2 are needed to find domains");
				TiffImageFile.write(CalibratedImages.maskImage("mask", p.mask(), grid.nx(), grid.ny(), grid.stepUm(), "um"),
					out.stage("mask.tif"));
				if (p.shifts() != null) ShiftsFile.write(p.shifts(), out.stage("shifts.csv"));
				return p;
			});
			final Map<String, float[]> maps = steps.run(PipelineStep.MAPS, () -> {
				final ConventionalMaps m = ConventionalMaps.compute(prepared, options.threads(), progress);
				for (final Map.Entry<String, float[]> e : m.maps().entrySet())
					TiffImageFile.write(MapImages.single(e.getKey(), e.getValue(), grid.nx(), grid.ny(), grid.stepUm()),
						out.stage("maps/" + e.getKey() + ".tif"));
				MapTable.write(out.stage("maps/maps.csv"), grid, prepared.mask(), m.maps());
				return m.maps();
			});
			final NamedClouds clouds = steps.run(PipelineStep.CLOUDS, () -> clouds(scan, prepared, out));
			final FeatureSource source = options.features() == FeatureKind.FOLDINGNET
				? steps.run(AutoencoderStep.loads(options) ? PipelineStep.LOAD : PipelineStep.TRAIN,
					() -> AutoencoderStep.trainOrLoad(options, clouds, out, progress))
				: null;
			final FeatureSet features = steps.run(PipelineStep.FEATURES, () -> {
				final FeatureSet f = source != null ? source.extract(clouds, progress) : descriptors(clouds);
				FeatureFiles.writeCsv(out.stage("features.csv"), clouds.clouds(), f.rows(), f.columns());
				TiffImageFile.write(FeatureFiles.stack(clouds, f.rows(), f.columns()), out.stage("features.tif"));
				return f;
			});
			final ClusterStep.Outcome clusters = steps.run(PipelineStep.CLUSTERS,
				() -> new ClusterStep(options, progress).run(clouds, features, grid, maps, out));
			steps.run(PipelineStep.REPORT, () -> {
				new ReportStep(options, progress).write(scan, prepared, clouds, source, features, clusters, maps, seconds, out);
				return null;
			});
			out.commit();
			if (source != null) source.close();
			return new PipelineResult(out.target(), grid.nx(), grid.ny(), grid.stepUm(), prepared.mask(), maps, clusters.labels(),
				clusters.k(), clusters.table(), clusters.curves(), seconds);
		}
	}

	private NamedClouds clouds(final RockingScan scan, final PreparedScan prepared, final OutputFolder out) throws IOException {
		final ScanGrid grid = scan.grid();
		final ScanToClouds conversion = new ScanToClouds().threads(options.threads()).progress(progress);
		final List<PixelCloud> clouds = Collections.synchronizedList(new ArrayList<>());
		final boolean paper = options.preset() == Preset.PAPER;
		final ScanToClouds.Summary summary = conversion.run(prepared, raw -> {
			// under the paper's preset every copy of a cloud (PLY and container) is in the paper's frame
			final PixelCloud c = paper ? PaperClouds.of(raw, PixelCloud.name(raw.x(), raw.y(), grid.nx(), grid.ny()), options.points()) : raw;
			if (options.writePly())
				PlyWriter.write(out.stage("clouds/ply/" + PixelCloud.name(c.x(), c.y(), grid.nx(), grid.ny()) + ".ply"), c.cloud());
			clouds.add(c);
		});
		if (clouds.size() < 2) throw new IllegalArgumentException("only " + clouds.size() + " of " + prepared.maskedCount() +
			" masked pixels gave a point cloud; at least 2 are needed");
		clouds.sort(Comparator.<PixelCloud>comparingInt(PixelCloud::y).thenComparingInt(PixelCloud::x));
		final Map<String, String> settings = new LinkedHashMap<>();
		settings.put("coordinates", paper ? PaperClouds.COORDINATES : "index");
		if (paper) settings.put("points", Integer.toString(options.points()));
		settings.put("threshold", conversion.bySignificance(prepared) ? "auto" : Double.toString(summary.threshold()));
		settings.put("denoise", "paper");
		settings.put("peak_share", Double.toString(conversion.peakShare()));
		settings.put("scan", scan.descriptor().file().toString());
		settings.put("step_um", Double.toString(grid.stepUm()));
		new CloudContainer(grid.nx(), grid.ny(), clouds, settings).write(out.stage("clouds/clouds.h5"));
		// the clouds are in memory already: name them as a reader of the container would, no re-read
		final List<NamedClouds.Entry> entries = new ArrayList<>();
		for (final PixelCloud c : clouds)
			entries.add(new NamedClouds.Entry(PixelCloud.name(c.x(), c.y(), grid.nx(), grid.ny()), c.x(), c.y(), c.cloud()));
		entries.sort(Comparator.comparing(NamedClouds.Entry::name));
		return new NamedClouds(entries, grid.nx(), grid.ny(), grid.stepUm());
	}

	private static FeatureSet descriptors(final NamedClouds clouds) {
		final float[][] rows = new float[clouds.clouds().size()][];
		for (int i = 0; i < rows.length; i++) {
			final double[] d = PeakDescriptors.of(clouds.clouds().get(i).cloud());
			rows[i] = new float[d.length];
			for (int f = 0; f < d.length; f++) rows[i][f] = (float) d[f];
		}
		return new FeatureSet(rows, PeakDescriptors.NAMES.clone());
	}

	/** One step's work; may throw anything, which the step reports as its failure. */
	@FunctionalInterface
	interface Work<T> {
		T call() throws Exception;
	}

	/** Runs steps in order: times them, reports them, commits their outputs, names the failing one. */
	private final class Steps {

		private final OutputFolder out;
		private final Map<PipelineStep, Double> seconds;
		private final List<PipelineStep> plan;

		Steps(final OutputFolder out, final Map<PipelineStep, Double> seconds) {
			this.out = out;
			this.seconds = seconds;
			this.plan = PipelineStep.plan(options.features() == FeatureKind.FOLDINGNET, AutoencoderStep.loads(options));
		}

		<T> T run(final PipelineStep step, final Work<T> work) throws IOException {
			progress.checkCancelled();
			progress.progress("Step " + (plan.indexOf(step) + 1) + "/" + plan.size() + ": " + step.description(), 0, 1);
			final long start = System.nanoTime();
			final T result;
			try {
				result = work.call();
				if (step != PipelineStep.REPORT) out.commitStep();
			}
			catch (final java.util.concurrent.CancellationException e) {
				throw e;
			}
			catch (final RegistrationException e) {
				throw new PipelineException(step, out.target(), new IOException(e.messageWithAdvice(), e));
			}
			catch (final Exception e) {
				throw new PipelineException(step, out.target(), e);
			}
			seconds.put(step, (System.nanoTime() - start) / 1e9);
			return result;
		}
	}
}
