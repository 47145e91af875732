package org.braggcloud.io.results;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code loss.csv} of a training run: {@code epoch,loss}, one row per finished epoch, from 1. */
public final class LossTable {

	private LossTable() {}

	public static void write(final Path file, final List<Double> losses) throws IOException {
		try (Writer w = Files.newBufferedWriter(file)) {
			w.write("epoch,loss\n");
			for (int e = 0; e < losses.size(); e++) w.write((e + 1) + "," + losses.get(e) + "\n");
		}
	}
}
