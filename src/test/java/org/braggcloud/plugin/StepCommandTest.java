package org.braggcloud.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;

import org.junit.jupiter.api.Test;

class StepCommandTest {

	@Test
	void aFullDiskIsReportedWithTheOutputFolder() {
		final File out = new File("/data/results");
		assertEquals("/data/results: No space left on device while writing the results there; free some space or choose another output folder, "
			+ "then run again", StepCommand.failure(new IOException("No space left on device"), out));
		// messages that name their file already are left as they are
		assertEquals("/data/results/x.tif: No space left on device", StepCommand.failure(new IOException("/data/results/x.tif: No space left on device"), out));
		assertEquals("scan.json: not found", StepCommand.failure(new IOException("scan.json: not found"), out));
	}
}
