package org.braggcloud.pipeline;

import java.io.IOException;
import java.nio.file.Path;

import org.braggcloud.io.results.NamedClouds;
import org.braggcloud.preparation.PreparedScan;
import org.braggcloud.progress.ProgressListener;
import org.braggcloud.scan.RockingScan;
import org.braggcloud.stage.CloudStage;
import org.braggcloud.stage.FeatureStage;
import org.braggcloud.stage.FoldingNetEncoder;

/**
 * Where the pipeline makes a scan's clouds and features, the two steps whose work splits
 * over the scan's points: here in this JVM ({@link #LOCAL}), or in blocks on other machines (the
 * Spark module's), which must give the same result.
 */
public interface ScanBlocks {

	/** The clouds of every masked point of {@code prepared}; {@code descriptor} is the scan's file, for a process that opens it again. */
	CloudStage.Clouds clouds(Path descriptor, RockingScan scan, PreparedScan prepared, CloudStage.Options options, ProgressListener progress)
		throws IOException;

	/** The peak descriptors of every cloud. */
	FeatureStage.Result descriptors(NamedClouds clouds);

	/** The codewords of every cloud from {@code encoder}'s network, {@code batch} clouds at a time. */
	FeatureStage.Result codewords(NamedClouds clouds, FoldingNetEncoder encoder, int batch, ProgressListener progress);

	ScanBlocks LOCAL = new ScanBlocks() {

		@Override
		public CloudStage.Clouds clouds(final Path descriptor, final RockingScan scan, final PreparedScan prepared, final CloudStage.Options options,
			final ProgressListener progress) throws IOException
		{
			return CloudStage.make(scan, prepared, options, progress);
		}

		@Override
		public FeatureStage.Result descriptors(final NamedClouds clouds) {
			return FeatureStage.descriptors(clouds);
		}

		@Override
		public FeatureStage.Result codewords(final NamedClouds clouds, final FoldingNetEncoder encoder, final int batch,
			final ProgressListener progress)
		{
			return FeatureStage.codewords(clouds, encoder, batch, false, progress);
		}
	};
}
