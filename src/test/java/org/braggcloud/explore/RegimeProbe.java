package org.braggcloud.explore;

import java.nio.file.Files;
import java.nio.file.Path;

import org.braggcloud.analysis.SimulatedScans;
import org.braggcloud.clustering.AdjustedRandIndex;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.io.ScanLayout;
import org.braggcloud.pipeline.Pipeline;
import org.braggcloud.pipeline.PipelineOptions;
import org.braggcloud.pipeline.PipelineResult;
import org.braggcloud.simulation.SampleModel;
import org.junit.jupiter.api.Test;

/** Scratch: not a test; run with -Dtest=RegimeProbe -Dprobe=... */
class RegimeProbe {

	@Test
	void probe() throws Exception {
		final String spec = System.getProperty("probe", "20000:0.05:48");
		for (final String one : spec.split(";")) {
			final String[] f = one.split(":");
			final double peak = Double.parseDouble(f[0]), bg = Double.parseDouble(f[1]);
			final int roi = Integer.parseInt(f[2]);
			final int nx = f.length > 3 ? Integer.parseInt(f[3]) : 40, ny = f.length > 4 ? Integer.parseInt(f[4]) : 30;
			final int angles = roi > 64 ? 21 : 15;
			final SampleModel model = SampleModel.builder().nx(nx).ny(ny).detectorRows(roi).detectorColumns(roi)
				.anglesDeg(SimulatedScans.angles(angles)).domains(4).peakMaximum(peak).backgroundCounts(bg).seed(Long.getLong("seed", 7))
				.maxDriftPx(Double.parseDouble(System.getProperty("drift", "0"))).deadColumns(Integer.getInteger("dead", 0))
				.peakStyle(org.braggcloud.simulation.PeakStyle.valueOf(System.getProperty("style", "BLOB"))).build();
			final Path dir = Files.createTempDirectory("probe");
			final Path scan = SimulatedScans.write(model, 7, dir.resolve("scan"), ScanLayout.TIFF_FRAMES);
			final long t0 = System.nanoTime();
			PipelineResult r;
			try (OutputFolder out = OutputFolder.create(dir.resolve("out"), false, "output")) {
				r = new Pipeline(new PipelineOptions(Integer.getInteger("k", 4), Boolean.getBoolean("align"), PipelineOptions.DEFAULT_FEATURES, null, 1, 128, 8, 1, 2, true)).run(scan, out);
				System.err.println("DEBUG out " + dir);
			}
			final double secs = (System.nanoTime() - t0) / 1e9;
			final int[] truth = model.truth().labels();
			int inter = 0, union = 0, n = 0;
			for (int i = 0; i < truth.length; i++) {
				if (r.mask()[i] && truth[i] > 0) inter++;
				if (r.mask()[i] || truth[i] > 0) union++;
			}
			final int[] a = new int[truth.length], b = new int[truth.length];
			for (int i = 0; i < truth.length; i++)
				if (truth[i] > 0 && r.labels()[i] > 0) { a[n] = truth[i]; b[n++] = r.labels()[i]; }
			final StringBuilder sb = new StringBuilder();
			for (int y = 0; y < ny; y++) {
				for (int x = 0; x < nx; x++) {
					final int i = y * nx + x;
					sb.append(r.mask()[i] && truth[i] > 0 ? (char) ('0' + r.labels()[i]) : r.mask()[i] ? '+' : truth[i] > 0 ? '-' : '.');
				}
				sb.append('\n');
			}
			System.out.println(sb);
			final float[] in = r.maps().get("intensity");
			final double[] sorted = java.util.stream.IntStream.range(0, truth.length).filter(i -> r.mask()[i]).mapToDouble(i -> in[i]).sorted().toArray();
			final double med = sorted[sorted.length / 2];
			final StringBuilder ring = new StringBuilder("ring:"), rim = new StringBuilder("rim:");
			for (int i = 0; i < truth.length; i++) {
				if (!r.mask()[i]) continue;
				final int x = i % nx, y = i / nx;
				boolean edge = false;
				for (int d = -1; d <= 1; d += 2) {
					if (x + d >= 0 && x + d < nx && truth[i + d] == 0) edge = true;
					if (y + d >= 0 && y + d < ny && truth[i + d * nx] == 0) edge = true;
				}
				if (truth[i] == 0) ring.append(String.format(" %.2f", in[i] / med));
				else if (edge) rim.append(String.format(" %.2f", in[i] / med));
			}
			System.out.println(ring);
			System.out.println(rim);
			System.out.printf("PROBE K %d peak %.0f bg %.3f roi %d: IoU %.3f ARI %.3f  %.1f s%n", r.k(), peak, bg, roi, (double) inter / union,
				AdjustedRandIndex.of(java.util.Arrays.copyOf(a, n), java.util.Arrays.copyOf(b, n)), secs);
		}
	}
}
