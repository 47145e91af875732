package org.braggcloud.benchmark;

/**
 * A regime's row of the benchmark: the pipeline with the true number of domains given, and with
 * the number chosen automatically, on the same simulated scan.
 *
 * @param simulationSeconds wall time of simulating and writing the scan
 * @param seconds wall time of the whole cell: simulation and both runs
 */
public record RegimeResult(Regime regime, RunScore given, RunScore automatic, double simulationSeconds, double seconds) {

	/** The mask does not depend on the cluster count, so either successful run gives it. */
	public double maskIoU() {
		return given.ok() ? given.maskIoU() : automatic.maskIoU();
	}
}
