package org.braggcloud.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.braggcloud.analysis.ConventionalMaps;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.parallel.ParallelContext;
import org.braggcloud.io.scan.ScanOpener;
import org.braggcloud.io.results.NamedClouds;
import org.braggcloud.stage.CloudStage;
import org.braggcloud.stage.FeatureStage;
import org.braggcloud.stage.ClusterStage;
import org.braggcloud.stage.MapsStage;
import org.braggcloud.stage.PrepareStage;
import org.braggcloud.stage.ReportStage;
import org.braggcloud.cloud.PlyFormat;
import org.braggcloud.clustering.ClusterAnalysis;
import org.braggcloud.clustering.DomainClustering;
import org.braggcloud.preparation.PreparedScan;
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
	private ScanBlocks blocks = ScanBlocks.LOCAL;

	public Pipeline(final PipelineOptions options) {
		this.options = options;
	}

	public Pipeline progress(final ProgressListener listener) {
		this.progress = listener;
		return this;
	}

	/** Where the clouds and features are made (default: in this JVM); the result is the same. */
	public Pipeline blocks(final ScanBlocks where) {
		this.blocks = where;
		return this;
	}

	/**
	 * Whether {@code output} holds a run of the pipeline to its end: the report is written last, so
	 * a run that stopped at an earlier step has results but no report.
	 */
	public static boolean isComplete(final Path output) throws IOException {
		return OutputFolder.holds(output, ReportStage.PAGE);
	}

	/**
	 * Runs every step on {@code scanFile}, writing into {@code out}, and commits the last step. The
	 * steps' loops share the caller's {@link ParallelContext}, or one pool of the options' threads.
	 */
	public PipelineResult run(final Path scanFile, final OutputFolder out) throws IOException {
		if (ParallelContext.current() != null) return runSteps(scanFile, out);
		return ParallelContext.withThreads(options.threads(), () -> runSteps(scanFile, out));
	}

	private PipelineResult runSteps(final Path scanFile, final OutputFolder out) throws IOException {
		final Map<PipelineStep, Double> seconds = new EnumMap<>(PipelineStep.class);
		final Steps steps = new Steps(out, seconds);
		try (RockingScan scan = steps.run(PipelineStep.OPEN, () -> ScanOpener.open(scanFile))) {
			final ScanGrid grid = scan.grid();
			final PreparedScan prepared = steps.run(PipelineStep.PREPARE, () -> {
				final PreparedScan p = PrepareStage.run(scan, new PrepareStage.Options(options.align(), options.threads()), progress);
				if (p.maskedCount() < 2) throw new IllegalArgumentException("the particle mask holds " + p.maskedCount() +
					" scan points; at least 2 are needed to find domains");
				PrepareStage.write(p, grid, out);
				return p;
			});
			final Map<String, float[]> maps = steps.run(PipelineStep.MAPS, () -> {
				final ConventionalMaps m = MapsStage.run(prepared, options.threads(), progress);
				MapsStage.write(m, prepared, grid, out);
				return m.maps();
			});
			final NamedClouds clouds = steps.run(PipelineStep.CLOUDS, () -> clouds(scanFile, scan, prepared, out));
			final AutoencoderStep.Autoencoder source = options.features() == FeatureKind.FOLDINGNET
				? steps.run(AutoencoderStep.loads(options) ? PipelineStep.LOAD : PipelineStep.TRAIN,
					() -> AutoencoderStep.trainOrLoad(options, clouds, out, progress))
				: null;
			final FeatureStage.Result features = steps.run(PipelineStep.FEATURES, () -> {
				final FeatureStage.Result f = source != null ? blocks.codewords(clouds, source.encoder(), FeatureStage.DEFAULT_BATCH, progress)
					: blocks.descriptors(clouds);
				FeatureStage.write(f, out);
				return f;
			});
			final ClusterStage.Result clusters = steps.run(PipelineStep.CLUSTERS, () -> {
				final ClusterStage.Result r = ClusterStage.run(features.table(), clusterOptions(), maps, progress);
				ClusterStage.write(r, out);
				return r;
			});
			steps.run(PipelineStep.REPORT, () -> {
				final ReportStage.Inputs shown = new ReportStage.Inputs(scan, prepared, clouds, source == null ? null : source.encoder(),
					source == null ? List.of() : source.losses(), features, clusters, maps);
				ReportStage.write(ReportStage.run(shown, new ReportStage.Options(reportParameters(scan), timings(seconds)), progress), out);
				return null;
			});
			out.commit();
			if (source != null) source.close();
			return new PipelineResult(out.target(), grid.nx(), grid.ny(), grid.stepUm(), prepared.mask(), maps, clusters.labels(),
				clusters.k(), clusters.table(), clusters.curves(), seconds);
		}
	}

	/** The run's settings as the report lists them. */
	private Map<String, String> reportParameters(final RockingScan scan) {
		final Map<String, String> p = new LinkedHashMap<>();
		p.put("scan", scan.descriptor().file().toString());
		p.put("clusters", options.clusters() == 0 ? "0 (automatic)" : Integer.toString(options.clusters()));
		p.put("align", Boolean.toString(options.align()));
		p.put("preset", options.preset().key());
		p.put("criterion", options.countCriterion().key());
		p.put("features", options.features().key());
		if (options.features() == FeatureKind.FOLDINGNET) {
			p.put("grid", options.grid());
			p.put("model", modelDescription());
			p.put("epochs", Integer.toString(options.epochs()));
			p.put("points", Integer.toString(options.points()));
			p.put("k", Integer.toString(options.k()));
		}
		p.put("seed", Long.toString(options.seed()));
		p.put("threads", Integer.toString(options.threads()));
		return p;
	}

	/** Which network made the features, in words. */
	private String modelDescription() {
		if (options.model() != null) return options.model().toString();
		if (options.preset() == Preset.PAPER) return "trained on this scan";
		return options.epochs() > 0 ? "the shipped model, fine-tuned on this scan" : "the shipped model";
	}

	private static Map<String, Double> timings(final Map<PipelineStep, Double> seconds) {
		final Map<String, Double> t = new LinkedHashMap<>();
		for (final Map.Entry<PipelineStep, Double> e : seconds.entrySet())
			t.put(e.getKey().description(), e.getValue());
		return t;
	}

	private ClusterStage.Options clusterOptions() {
		return new ClusterStage.Options(options.preset() == Preset.PAPER ? DomainClustering.Recipe.PAPER : DomainClustering.Recipe.SCAN,
			options.countCriterion(), ClusterAnalysis.Method.KMEANS, options.clusters(), ClusterAnalysis.DEFAULT_K_MAX, options.seed(),
			options.threads());
	}

	private NamedClouds clouds(final Path scanFile, final RockingScan scan, final PreparedScan prepared, final OutputFolder out)
		throws IOException
	{
		CloudStage.Options o = CloudStage.Options.defaults(options.threads());
		if (options.preset() == Preset.PAPER) o = o.withPaperFrame(options.points());
		if (options.writePly()) o = o.withPly(PlyFormat.BINARY_LITTLE_ENDIAN);
		final CloudStage.Result r = CloudStage.write(scan, blocks.clouds(scanFile, scan, prepared, o, progress), o, out);
		if (r.clouds().size() < 2) throw new IllegalArgumentException("only " + r.clouds().size() + " of " + prepared.maskedCount() +
			" masked pixels gave a point cloud; at least 2 are needed");
		return r.named();
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
