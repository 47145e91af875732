package org.braggcloud.plugin;

import ij.IJ;

import java.awt.GraphicsEnvironment;
import java.io.PrintStream;
import java.util.Locale;

import org.braggcloud.progress.ProgressListener;
import org.scijava.Cancelable;
import org.scijava.app.StatusService;

/**
 * Shows core progress where the user is looking: Fiji's status and progress bars (through
 * SciJava's StatusService and ImageJ 1.x), or, headless, one line per stage and per tenth of it.
 * Cancel comes from the command (SciJava cancel) or from Esc in ImageJ.
 */
final class CommandProgress implements ProgressListener {

	private final StatusService status;
	private final Cancelable command;
	private final boolean gui;
	private final PrintStream console;
	private String lastStage;
	private int lastTenth = -1;

	CommandProgress(final StatusService status, final Cancelable command) {
		this.status = status;
		this.command = command;
		this.gui = !GraphicsEnvironment.isHeadless() && IJ.getInstance() != null;
		this.console = System.err;
		if (gui) IJ.resetEscape();
	}

	@Override
	public void progress(final String stage, final long done, final long total) {
		final double fraction = total > 0 ? (double) done / total : 1;
		if (status != null) status.showStatus((int) Math.min(done, Integer.MAX_VALUE), (int) Math.min(total, Integer.MAX_VALUE), stage);
		if (gui) {
			IJ.showStatus(stage);
			IJ.showProgress(fraction);
			return;
		}
		final int tenth = (int) Math.floor(fraction * 10);
		if (!stage.equals(lastStage) || tenth > lastTenth) {
			console.println(String.format(Locale.ROOT, "[bragg-cloud] %s: %d%% (%d/%d)", stage, Math.round(fraction * 100), done, total));
			lastStage = stage;
			lastTenth = tenth;
		}
	}

	@Override
	public boolean isCancelled() {
		return command.isCanceled() || gui && IJ.escapePressed();
	}

	/** Clears the progress bar at the end of a command. */
	void done(final String message) {
		if (status != null) status.showStatus(message);
		if (gui) {
			IJ.showProgress(1.0);
			IJ.showStatus(message);
		}
	}
}
