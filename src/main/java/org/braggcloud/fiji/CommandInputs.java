package org.braggcloud.fiji;

import ij.Macro;

import org.scijava.module.ModuleItem;

/**
 * Under which labels the ImageJ 1.x dialog shows a command's inputs ({@link org.braggcloud.plugin.InputValues#userInputs}). The macro key
 * ImageJ derives from a dialog label is its first word (lower case, up to a space or colon), so
 * every label starts with the parameter name: {@code "scan: Scan descriptor (scan.json)"}. Dialog,
 * macro recorder and {@code --run} then share the parameter names as keys.
 */
public final class CommandInputs {

	private CommandInputs() {}

	/** The dialog label: the parameter name, then the human description. */
	public static String label(final ModuleItem<?> item) {
		final String description = item.getLabel();
		if (description == null || description.isBlank() || description.equals(item.getName())) return item.getName();
		return item.getName() + ": " + description;
	}

	/** The macro key ImageJ's GenericDialog and Recorder derive from {@link #label}. */
	public static String key(final ModuleItem<?> item) {
		return Macro.trimKey(label(item));
	}
}
