package org.braggcloud.fiji;

import ij.IJ;
import ij.ImageJ;
import ij.gui.GenericDialog;
import ij.plugin.frame.Recorder;

import java.awt.Button;
import java.awt.Checkbox;
import java.awt.Component;
import java.awt.Container;
import java.awt.EventQueue;
import java.awt.TextField;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Vector;

/**
 * Run by {@link FijiBatchIT} in its own JVM under Xvfb: ImageJ 1.x with its menus from the
 * Fiji.app plugins folder (-Dplugins.dir), the macro recorder open, and Plugins > Bragg Cloud >
 * Conventional Maps chosen from the menu the way a user does. The dialog is filled in (align off,
 * threads 1, overwrite on) and confirmed; the recorder's text is written to a file.
 *
 * Arguments: scan.json, output folder, file for the recorded text.
 */
public final class RecorderProbe {

	public static void main(final String[] args) throws Exception {
		new ImageJ(ImageJ.NO_SHOW);
		final Recorder recorder = new Recorder();
		IJ.doCommand("Conventional Maps");
		final GenericDialog gd = waitForDialog("Conventional Maps", 120_000);
		EventQueue.invokeAndWait(() -> {
			@SuppressWarnings("unchecked")
			final Vector<TextField> strings = gd.getStringFields();
			@SuppressWarnings("unchecked")
			final Vector<TextField> numbers = gd.getNumericFields();
			@SuppressWarnings("unchecked")
			final Vector<Checkbox> boxes = gd.getCheckboxes();
			strings.get(0).setText(args[0]); // scan
			strings.get(1).setText(args[1]); // output
			boxes.get(0).setState(false); // align
			numbers.get(0).setText("1"); // threads
			boxes.get(1).setState(true); // overwrite
			final Button ok = okButton(gd);
			gd.actionPerformed(new ActionEvent(ok, ActionEvent.ACTION_PERFORMED, ok.getLabel()));
		});
		final long end = System.currentTimeMillis() + 180_000;
		String text = "";
		while (System.currentTimeMillis() < end) {
			text = recorder.getText();
			if (text != null && text.contains("run(\"Conventional Maps\"")) break;
			Thread.sleep(200);
		}
		Files.writeString(Path.of(args[2]), text == null ? "" : text);
		System.exit(0);
	}

	private static GenericDialog waitForDialog(final String title, final long millis) throws InterruptedException {
		final long end = System.currentTimeMillis() + millis;
		while (System.currentTimeMillis() < end) {
			for (final Window w : Window.getWindows())
				if (w instanceof GenericDialog gd && w.isShowing() && title.equals(gd.getTitle())) return gd;
			Thread.sleep(100);
		}
		System.err.println("No dialog '" + title + "' appeared");
		System.exit(3);
		return null;
	}

	private static Button okButton(final Container c) {
		for (final Component child : c.getComponents()) {
			if (child instanceof Button b && b.getLabel().trim().equals("OK")) return b;
			if (child instanceof Container inner) {
				final Button b = okButton(inner);
				if (b != null) return b;
			}
		}
		return null;
	}
}
