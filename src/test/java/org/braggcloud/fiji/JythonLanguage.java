package org.braggcloud.fiji;

import org.scijava.plugin.Plugin;
import org.scijava.script.AdaptedScriptLanguage;
import org.scijava.script.ScriptLanguage;

/**
 * Jython's JSR-223 engine as a SciJava script language, for tests only: Fiji ships its own
 * (scripting-jython), which Maven Central does not serve.
 */
@Plugin(type = ScriptLanguage.class, name = "Python (Jython)")
public class JythonLanguage extends AdaptedScriptLanguage {

	public JythonLanguage() {
		super("jython");
	}
}
