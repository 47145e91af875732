package org.braggcloud.spark;

import java.nio.file.Path;

import org.apache.spark.api.java.JavaSparkContext;
import org.braggcloud.io.results.NamedClouds;
import org.braggcloud.pipeline.ScanBlocks;
import org.braggcloud.preparation.PreparedScan;
import org.braggcloud.progress.ProgressListener;
import org.braggcloud.scan.RockingScan;
import org.braggcloud.stage.CloudStage;
import org.braggcloud.stage.FeatureStage;
import org.braggcloud.stage.FoldingNetEncoder;

/**
 * The pipeline's clouds and features of one scan made in {@code blocks} Spark tasks
 * ({@link BlockedClouds}, {@link BlockedFeatures}); the rest of the pipeline runs on the driver.
 * <pre>
 * new Pipeline(options).blocks(new SparkScanBlocks(context, 16)).run(scanFile, out);
 * </pre>
 */
public final class SparkScanBlocks implements ScanBlocks {

	private final JavaSparkContext context;
	private final int blocks;

	public SparkScanBlocks(final JavaSparkContext context, final int blocks) {
		if (blocks < 1) throw new IllegalArgumentException("blocks must be at least 1, got " + blocks);
		this.context = context;
		this.blocks = blocks;
	}

	@Override
	public CloudStage.Clouds clouds(final Path descriptor, final RockingScan scan, final PreparedScan prepared, final CloudStage.Options options,
		final ProgressListener progress)
	{
		progress.progress("Point clouds in " + blocks + " Spark tasks", 0, 1);
		final CloudStage.Clouds c = BlockedClouds.make(context, descriptor, scan, prepared, options, blocks);
		progress.progress("Point clouds in " + blocks + " Spark tasks", 1, 1);
		return c;
	}

	@Override
	public FeatureStage.Result descriptors(final NamedClouds clouds) {
		return BlockedFeatures.make(context, clouds, null, FeatureStage.DEFAULT_BATCH, blocks);
	}

	@Override
	public FeatureStage.Result codewords(final NamedClouds clouds, final FoldingNetEncoder encoder, final int batch, final ProgressListener progress) {
		return BlockedFeatures.make(context, clouds, encoder.model(), batch, blocks);
	}
}
