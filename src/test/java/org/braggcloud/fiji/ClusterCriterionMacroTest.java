package org.braggcloud.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.braggcloud.plugin.ClusterFeaturesCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cluster-count criterion is a macro key. Features of two far groups, each of two close
 * blobs: the criteria disagree (the silhouette and the paper's rule see the two groups, the
 * mixture BIC the four blobs), so the count shows which one ran; the paper's preset counts by its
 * rule unless told otherwise.
 */
class ClusterCriterionMacroTest {

	@TempDir
	static Path tmp;

	private static Path features;

	@BeforeAll
	static void write() throws Exception {
		final Random r = new Random(11);
		final StringBuilder sb = new StringBuilder("name,f0,f1\n");
		// along one direction, so that scaling each feature keeps the groups far and the blobs close
		final double[] centres = { -50, -46, 46, 50 };
		for (int i = 0; i < 160; i++) {
			final double c = centres[i % 4];
			sb.append("cloud_").append(i).append(',').append(c + 0.5 * r.nextGaussian()).append(',').append(c + 0.5 * r.nextGaussian())
				.append('\n');
		}
		features = tmp.resolve("features.csv");
		Files.writeString(features, sb.toString());
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "criterion=silhouette, 2", "criterion=paper, 2", "criterion=bic, 4", "preset=paper, 2", "preset=paper criterion=bic, 4" })
	void theCriterionKeyChoosesTheCount(final String keys, final int expected) throws Exception {
		final Path out = tmp.resolve(keys.replaceAll("[^a-z]", "_"));
		CommandPlugInTest.runAsMacro(ClusterFeaturesCommand.class.getName(), "features=[" + features + "] output=[" + out + "] " + keys
			+ " k_max=8");
		final String criterion = keys;
		final List<String> clusters = Files.readAllLines(out.resolve("clusters.csv"));
		assertEquals(expected, clusters.size() - 1, criterion + ": " + clusters);
	}
}
