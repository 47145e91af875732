package org.braggcloud.stage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.braggcloud.io.results.ClusterTable;
import org.junit.jupiter.api.Test;

class ClusterSummaryTest {

	@Test
	void eachClusterHasItsPixelsAreaAndMapMeansIgnoringNaNAndUnclusteredPixels() {
		final Map<String, float[]> maps = new LinkedHashMap<>();
		maps.put("strain", new float[] { 1, 3, Float.NaN, 10, 99 });
		final ClusterTable t = ClusterSummary.of(new int[] { 1, 1, 2, 2, 0 }, 2, ClusterSummary.squareMicrometres(0.1, "um"), maps);
		assertEquals(List.of("cluster", "pixels", "area_um2", "strain"), t.columns());
		assertArrayEquals(new double[] { 1, 2, 0.02, 2 }, t.values()[0], 1e-12);
		assertArrayEquals(new double[] { 2, 2, 0.02, 10 }, t.values()[1], 1e-12);
	}

	@Test
	void areaIsConvertedFromTheCalibrationUnitAndUnknownWhenTheUnitIs() {
		assertEquals(1e-6, ClusterSummary.squareMicrometres(1, "nm"), 1e-18);
		assertEquals(4e6, ClusterSummary.squareMicrometres(2, "mm"), 1e-6);
		assertTrue(Double.isNaN(ClusterSummary.squareMicrometres(1, "pixel")));
		assertTrue(Double.isNaN(ClusterSummary.squareMicrometres(Double.NaN, "um")));
	}
}
