package org.braggcloud.conversion;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.braggcloud.cloud.PlyFormat;
import org.braggcloud.cloud.PlyReader;
import org.braggcloud.cloud.PlyWriter;
import org.braggcloud.cloud.PointCloud;
import org.braggcloud.denoise.DenoiseChain;
import org.braggcloud.parallel.ParallelLoop;
import org.braggcloud.progress.ProgressListener;

/**
 * Runs the denoising chain (and optional resampling) over a folder of PLY files, as users of the
 * paper's own code have them, writing one PLY of the same name per input. Files are processed in
 * parallel, one per task.
 */
public final class CloudBatch {

	private DenoiseChain denoise = DenoiseChain.paper();
	private int points;
	private CloudSampling sampling = CloudSampling.FARTHEST;
	private PlyFormat format = PlyFormat.BINARY_LITTLE_ENDIAN;
	private int threads = Runtime.getRuntime().availableProcessors();
	private ProgressListener progress = ProgressListener.NONE;

	public CloudBatch denoise(final DenoiseChain chain) { this.denoise = chain; return this; }
	public CloudBatch points(final int n, final CloudSampling how) { this.points = n; this.sampling = how; return this; }
	public CloudBatch format(final PlyFormat f) { this.format = f; return this; }
	public CloudBatch threads(final int n) { this.threads = Math.max(1, n); return this; }
	public CloudBatch progress(final ProgressListener p) { this.progress = p; return this; }

	/**
	 * @param points the number of points written
	 * @param empty  the files whose cloud the chain emptied: not written, since no reader takes an
	 *               empty cloud
	 */
	public record Result(long points, List<String> empty) {}

	/**
	 * Denoises every file into {@code target} (same names). Stops at the first unreadable file
	 * with an error naming it.
	 */
	public Result run(final List<Path> files, final Path target) throws IOException {
		final AtomicInteger done = new AtomicInteger();
		final List<String> empty = java.util.Collections.synchronizedList(new ArrayList<>());
		final int[] sizes = new int[files.size()];
		ParallelLoop.runIo(files.size(), threads, 1, (worker, from, to) -> {
			for (int i = from; i < to; i++) {
				final Path file = files.get(i);
				final PointCloud in = PlyReader.read(file);
				final PointCloud out = sampling.resample(denoise.apply(in, 1, ProgressListener.NONE), this.points, file.getFileName().toString().hashCode());
				if (out.isEmpty()) empty.add(file.getFileName().toString());
				else PlyWriter.write(target.resolve(file.getFileName().toString()), out, format);
				progress.progress("Denoising clouds", done.incrementAndGet(), files.size());
				sizes[i] = out.size();
			}
		}, progress, null);
		long points = 0;
		for (final int size : sizes)
			points += size;
		final List<String> sorted = new ArrayList<>(empty);
		sorted.sort(null);
		return new Result(points, List.copyOf(sorted));
	}

}
