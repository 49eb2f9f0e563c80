package dev.scansion.result;

/**
 * What besides failures and errors fails a run ({@link RunResult#verdict(Gate)}).
 *
 * @param failOnFlaky         a script that passed only on a retry fails the run
 * @param strictKnownFailures a known failure that passed fails the run (its entry is stale)
 */
public record Gate(boolean failOnFlaky, boolean strictKnownFailures) {
    public static final Gate LENIENT = new Gate(false, false);
}
