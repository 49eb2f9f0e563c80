package dev.scansion.cli;

/** Exit codes are API: scripts and CI depend on them (language doc §7). */
public final class ExitCodes {
    /** Every selected script passed (or, for {@code check}, every file is clean). */
    public static final int OK = 0;
    /** At least one script failed. */
    public static final int FAILED = 1;
    /** Usage error, a script that does not parse, or an empty selection. */
    public static final int USAGE = 2;
    /** The server could not be reached, or another runtime error. */
    public static final int RUNTIME = 3;

    /** Stopped by a signal: SIGINT 130, SIGTERM 143 (the JVM's status); the reports cover what ran. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
