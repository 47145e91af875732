package org.braggcloud.imagej;

import ij.measure.ResultsTable;

import org.braggcloud.io.results.ClusterTable;

/** Result tables as ImageJ's ResultsTable, the table Fiji users sort, plot and save. */
public final class ResultTables {

	private ResultTables() {}

	/** One row per cluster, one column per field of the table. */
	public static ResultsTable clusters(final ClusterTable table) {
		final ResultsTable rt = new ResultsTable();
		for (final double[] row : table.values()) {
			rt.incrementCounter();
			for (int j = 0; j < row.length; j++)
				rt.addValue(table.columns().get(j), row[j]);
		}
		return rt;
	}

}
