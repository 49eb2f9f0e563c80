package dev.scansion.junit;

/**
 * A script that could not run (server unreachable, a runner problem): reported as an error, not
 * as a failed assertion, the way the CLI exits with 3 rather than 1.
 */
public final class ScriptError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScriptError(String message) {
        super(message);
    }
}
