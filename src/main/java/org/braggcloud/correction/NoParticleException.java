package org.braggcloud.correction;

import java.io.IOException;

/** A scan in which no scan point carries a Bragg peak distinguishable from its background. */
public final class NoParticleException extends IOException {

	private static final long serialVersionUID = 1L;

	public NoParticleException(final String message) {
		super(message);
	}
}
