package org.braggcloud.plugin;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.scijava.Context;
import org.scijava.module.ModuleInfo;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;

/**
 * The values a user gives a command's inputs, whichever way they come (a macro option, a
 * headless argument, a dialog field, a script's call through SciJava): which inputs a user sets,
 * and one check of every value against the input's type, range and choices.
 */
public final class InputValues {

	private InputValues() {}

	/** Types a user sets as text, a number or a check box; other inputs (services, images, ...) are left to SciJava. */
	public static boolean supported(final Class<?> type) {
		return type == int.class || type == Integer.class || type == long.class || type == Long.class
			|| type == double.class || type == Double.class || type == float.class || type == Float.class
			|| type == boolean.class || type == Boolean.class || type == String.class || type == File.class;
	}

	/** The inputs a user sets, in declaration order. */
	public static List<ModuleItem<?>> userInputs(final ModuleInfo info) {
		final List<ModuleItem<?>> items = new ArrayList<>();
		for (final ModuleItem<?> item : info.inputs()) {
			final Class<?> type = item.getType();
			if (Service.class.isAssignableFrom(type) || Context.class.isAssignableFrom(type)) continue;
			if (supported(type)) items.add(item);
		}
		return items;
	}

	public static boolean isBoolean(final Class<?> type) {
		return type == boolean.class || type == Boolean.class;
	}

	public static boolean isNumber(final Class<?> type) {
		return type != String.class && type != File.class && !isBoolean(type);
	}

	public static boolean isIntegral(final Class<?> type) {
		return type == int.class || type == Integer.class || type == long.class || type == Long.class;
	}

	/** A number as the command's field type. */
	public static Object number(final Class<?> type, final double value) {
		if (type == int.class || type == Integer.class) return (int) Math.round(value);
		if (type == long.class || type == Long.class) return Math.round(value);
		if (type == float.class || type == Float.class) return (float) value;
		return value;
	}

	/** A text field's value as the command's field type; empty means "not given" (null). */
	public static Object text(final Class<?> type, final String value) {
		if (value == null) return null;
		final String v = value.trim();
		if (type == File.class) return v.isEmpty() ? null : new File(v);
		return value;
	}

	/**
	 * A value a user gave for an input (a macro option, a headless argument), as the input's type,
	 * checked against its range and choices. Anything that does not parse, is not finite, is not
	 * whole where the input counts, or lies outside the input's range is refused naming the key the
	 * user typed: a command never runs with a default in place of what the user wrote.
	 */
	public static Object checked(final ModuleItem<?> item, final String key, final Object value) {
		final Class<?> type = item.getType();
		if (value == null) return null;
		if (isBoolean(type)) {
			if (value instanceof Boolean) return value;
			final String t = value.toString().trim();
			if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) return Boolean.parseBoolean(t);
			throw refused(key, value, "true or false");
		}
		if (isNumber(type)) {
			final double d;
			if (value instanceof Number n) d = n.doubleValue();
			else {
				try {
					d = Double.parseDouble(value.toString().trim());
				}
				catch (final NumberFormatException e) {
					throw refused(key, value, isIntegral(type) ? "a whole number" : "a number");
				}
			}
			if (!Double.isFinite(d)) throw refused(key, value, "a finite number");
			if (isIntegral(type) && d != Math.rint(d)) throw refused(key, value, "a whole number");
			final Object min = item.getMinimumValue(), max = item.getMaximumValue();
			if (min instanceof Number m && d < m.doubleValue()) throw refused(key, value, "at least " + plain(m));
			if (max instanceof Number m && d > m.doubleValue()) throw refused(key, value, "at most " + plain(m));
			return number(type, d);
		}
		if (type == File.class) return value instanceof File ? value : text(type, value.toString());
		final String text = value.toString();
		final List<?> choices = item.getChoices();
		if (choices != null && !choices.isEmpty() && !choices.contains(text))
			throw refused(key, value, "one of " + String.join(", ", choices.stream().map(c -> "'" + c + "'").toList()));
		return text;
	}

	private static IllegalArgumentException refused(final String key, final Object value, final String expected) {
		return new IllegalArgumentException("parameter '" + key + "': " + (value instanceof String ? "'" + value + "'" : String.valueOf(value))
			+ " is not " + expected);
	}

	private static String plain(final Number n) {
		final double d = n.doubleValue();
		return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : n.toString();
	}
}
