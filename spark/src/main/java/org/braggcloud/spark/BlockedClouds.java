package org.braggcloud.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.braggcloud.io.scan.ScanOpener;
import org.braggcloud.preparation.PreparationState;
import org.braggcloud.preparation.PreparedScan;
import org.braggcloud.progress.ProgressListener;
import org.braggcloud.scan.RockingScan;
import org.braggcloud.stage.CloudStage;

/**
 * The clouds step of one large scan on Spark: the scan is prepared once (on the driver), its rows
 * are cut into blocks, and each block's clouds are made by a task that opens the same scan from
 * shared storage, applies the driver's {@link PreparationState} and keeps only its rows. The
 * blocks are merged as {@link CloudStage#merge} says, so the result is the single-JVM clouds
 * step's, point for point; the driver then writes it with {@link CloudStage#write}.
 */
public final class BlockedClouds {

	private BlockedClouds() {}

	/**
	 * @param descriptor the scan's {@code scan.json}, at the same path on every node
	 * @param scan       the same scan, opened on the driver
	 * @param prepared   its preparation
	 * @param blocks     how many blocks of rows (tasks) to cut the scan into
	 */
	public static CloudStage.Clouds make(final JavaSparkContext context, final Path descriptor, final RockingScan scan,
		final PreparedScan prepared, final CloudStage.Options options, final int blocks)
	{
		final int ny = scan.grid().ny();
		final int n = Math.max(1, Math.min(blocks, ny));
		final PreparationState state = prepared.state();
		final List<Block> work = new ArrayList<>();
		for (int b = 0; b < n; b++)
			work.add(new Block(descriptor.toAbsolutePath().toString(), state, options, b * ny / n, (b + 1) * ny / n));
		final List<CloudStage.Clouds> made = context.parallelize(work, n).map(new MakeBlock()).collect();
		return CloudStage.merge(made, scan, prepared, options);
	}

	/** Rows {@code [fromRow, toRow)} of the scan at {@code descriptor}. */
	record Block(String descriptor, PreparationState state, CloudStage.Options options, int fromRow, int toRow) implements Serializable {
		private static final long serialVersionUID = 1L;
	}

	private static final class MakeBlock implements Function<Block, CloudStage.Clouds> {

		private static final long serialVersionUID = 1L;

		@Override
		public CloudStage.Clouds call(final Block b) {
			try (RockingScan scan = ScanOpener.open(Path.of(b.descriptor()))) {
				final int nx = scan.grid().nx();
				final boolean[] rows = new boolean[scan.grid().pointCount()];
				for (int i = b.fromRow() * nx; i < b.toRow() * nx; i++) rows[i] = true;
				return CloudStage.make(scan, b.state().on(scan).restrictedTo(rows), b.options(), ProgressListener.NONE);
			}
			catch (final IOException e) {
				throw new UncheckedIOException(b.descriptor() + ": " + e.getMessage(), e);
			}
		}
	}
}
