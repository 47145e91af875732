package org.braggcloud.fiji;

import ij.IJ;

import org.scijava.Context;
import org.scijava.app.event.StatusEvent;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;

/**
 * The SciJava context the ImageJ 1.x adapter runs commands in: inside Fiji (imagej-legacy present)
 * the running one, otherwise one context created on first use and shared by every later call.
 */
public final class FijiContext {

	private static Context shared;
	/** EventService holds subscribers weakly: this strong reference keeps the forwarder alive. */
	private static StatusForwarder forwarder;

	private FijiContext() {}

	/** Fiji's context when imagej-legacy is loaded, else the shared one. */
	public static Context get() {
		if (legacyPresent()) {
			// imagej-legacy answers this call with the running ImageJ2 context.
			final Object context = IJ.runPlugIn("org.scijava.Context", "");
			if (context instanceof Context c) return c;
		}
		return shared();
	}

	static synchronized Context shared() {
		if (shared == null) {
			// Plain ImageJ 1.x may load this jar through its plugin class loader: let SciJava's
			// plugin discovery see the classes next to this one.
			final Thread thread = Thread.currentThread();
			final ClassLoader previous = thread.getContextClassLoader();
			thread.setContextClassLoader(FijiContext.class.getClassLoader());
			try {
				shared = new Context();
			}
			finally {
				thread.setContextClassLoader(previous);
			}
			// Fiji forwards SciJava status to ImageJ's status bar itself; our own context must do it.
			forwarder = new StatusForwarder();
			shared.service(EventService.class).subscribe(forwarder);
		}
		return shared;
	}

	private static boolean legacyPresent() {
		try {
			Class.forName("net.imagej.legacy.LegacyService", false, FijiContext.class.getClassLoader());
			return true;
		}
		catch (final ClassNotFoundException | LinkageError e) {
			return false;
		}
	}

	/** SciJava StatusService events to ImageJ 1.x's status line and progress bar. */
	static class StatusForwarder {
		@EventHandler
		void onStatus(final StatusEvent e) {
			final String message = e.getStatusMessage();
			if (message != null && !message.isEmpty()) status(message);
			if (e.getProgressMaximum() > 0) progress(e.getProgressValue(), e.getProgressMaximum());
		}

		void status(final String message) {
			IJ.showStatus(message);
		}

		void progress(final int value, final int maximum) {
			IJ.showProgress(value, maximum);
		}
	}
}
