package org.braggcloud.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.braggcloud.benchmark.Regime;
import org.braggcloud.benchmark.Regime.BackgroundShape;
import org.braggcloud.benchmark.Regime.Style;
import org.braggcloud.io.results.CloudContainer;
import org.braggcloud.io.OutputFolder;
import org.braggcloud.io.results.NamedClouds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A corpus is the pipeline's own clouds of one simulated scan per regime, read back as one set. */
class TrainingCorpusTest {

	@TempDir
	Path tmp;

	@Test
	void oneContainerPerRegimeReadAsOneCorpus() throws Exception {
		final List<Regime> regimes = List.of(new Regime(Style.BLOB, 200, 0.1, BackgroundShape.FLAT, 32, 9, 2, 0),
			new Regime(Style.FACETED, 30, 1, BackgroundShape.PARTICLE, 32, 9, 2, 1));
		final long written;
		try (OutputFolder out = OutputFolder.create(tmp.resolve("corpus"), false, "output")) {
			written = new TrainingCorpus().scanSize(10, 8).seed(3).threads(2).write(regimes, out);
			out.commit();
		}
		final List<Path> files;
		try (Stream<Path> s = Files.list(tmp.resolve("corpus"))) {
			files = s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList(); // the hidden manifest aside
		}
		assertEquals(List.of("000_blob_peak200_bg0.1_flat_roi32_d2_drift0.h5", "001_faceted_peak30_bg1_particle_roi32_d2_drift1.h5"),
			files.stream().map(p -> p.getFileName().toString()).toList());
		final CloudContainer first = CloudContainer.read(files.get(0));
		assertEquals(10, first.nx());
		assertTrue(first.settings().get("regime").contains("BLOB"), first.settings().toString());
		final NamedClouds corpus = NamedClouds.read(tmp.resolve("corpus"));
		assertEquals(written, corpus.clouds().size());
		// most of a small particle's points carry a peak; each cloud is named by its scan and pixel
		assertTrue(written > 40, written + " clouds");
		assertTrue(corpus.clouds().get(0).name().startsWith("000_blob_peak200_bg0.1_flat_roi32_d2_drift0_pixel_"), corpus.clouds().get(0).name());
		assertTrue(!corpus.fromScan());
	}

	/** An uncut copy of each scan's clouds keeps what the pipeline's relative cut drops: more points per cloud. */
	@Test
	void aSecondCutGivesEachScanItsCloudsAgain() throws Exception {
		final Regime faceted = new Regime(Style.FACETED, 200, 0.1, BackgroundShape.FLAT, 32, 9, 2, 0);
		try (OutputFolder out = OutputFolder.create(tmp.resolve("cuts"), false, "output")) {
			new TrainingCorpus().scanSize(10, 8).seed(3).threads(2).peakShares(0.2, 0).write(List.of(faceted), out);
			out.commit();
		}
		final CloudContainer cut = CloudContainer.read(tmp.resolve("cuts/000_faceted_peak200_bg0.1_flat_roi32_d2_drift0.h5"));
		final CloudContainer whole = CloudContainer.read(tmp.resolve("cuts/000_faceted_peak200_bg0.1_flat_roi32_d2_drift0_share0.h5"));
		assertEquals(cut.clouds().size(), whole.clouds().size());
		long cutPoints = 0, wholePoints = 0;
		for (int i = 0; i < cut.clouds().size(); i++) {
			cutPoints += cut.clouds().get(i).cloud().size();
			wholePoints += whole.clouds().get(i).cloud().size();
		}
		assertTrue(wholePoints > cutPoints, wholePoints + " points uncut, " + cutPoints + " cut");
		assertEquals("0.0", whole.settings().get("peak_share"));
	}
}
