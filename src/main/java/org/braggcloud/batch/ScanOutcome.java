package org.braggcloud.batch;

import java.io.Serializable;

/**
 * What became of one scan of a batch: a row of the batch's summary.
 *
 * @param scan    the scan's descriptor
 * @param output  its output folder
 * @param pixels  scan points (0 when the scan could not be read)
 * @param k       domains found (0 unless done)
 * @param seconds wall time of the scan's run
 * @param error   why it failed, null otherwise
 */
public record ScanOutcome(String scan, String output, Status status, long pixels, int k, double seconds, String error)
	implements Serializable
{

	private static final long serialVersionUID = 1L;

	public enum Status {
		/** The pipeline ran to its end. */
		DONE,
		/** A complete result was there already and overwriting was not asked for. */
		SKIPPED,
		/** The pipeline stopped; {@link ScanOutcome#error} says why. */
		FAILED;

		public String key() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}
}
