package org.braggcloud.benchmark;

import org.braggcloud.benchmark.Regime.BackgroundShape;
import org.braggcloud.benchmark.Regime.Style;
import org.junit.jupiter.api.Test;

class ScratchProbeTest {
	@Test
	void probe() throws Exception {
		String spec = System.getProperty("probe.regimes", "");
		if (spec.isEmpty()) return;
		for (String cell : spec.split(";")) {
			String[] f = cell.split(",");
			Regime r = new Regime(Style.valueOf(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]), BackgroundShape.valueOf(f[3]),
				Integer.parseInt(f[4]), Regime.anglesFor(Integer.parseInt(f[4])), Integer.parseInt(f[5]), Double.parseDouble(f[6]));
			RegimeResult res = new RobustnessBenchmark().scanSize(Integer.getInteger("probe.nx", 40), Integer.getInteger("probe.ny", 30)).seed(Long.getLong("probe.seed", 1)).threads(2).run(r);
			String line = "PROBE " + System.getProperty("probe.tag", "") + " " + RegimeTable.markdownRow(res);
			System.out.println(line);
			String file = System.getProperty("probe.out");
			if (file != null) java.nio.file.Files.writeString(java.nio.file.Path.of(file), line + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
		}
	}
}
