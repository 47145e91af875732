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
}
