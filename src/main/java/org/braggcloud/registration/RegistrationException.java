package org.braggcloud.registration;

/**
 * Drift registration could not give trustworthy shifts. Checked, so that callers decide
 * explicitly what to do (typically: tell the user and run with align=false) rather than
 * continuing with shifts that are silently zero or wrong.
 */
public class RegistrationException extends Exception {

	private static final long serialVersionUID = 1L;

	public RegistrationException(String message) {
		super(message);
	}

	/** The message, ending with the way out (align=false) when it does not name it already. */
	public String messageWithAdvice() {
		final String m = getMessage();
		return m.contains("align=false") ? m : m + "; run with align=false to skip registration";
	}
}
