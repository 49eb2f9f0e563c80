package dev.scansion.recorder;

import java.util.List;
import java.util.Set;

import dev.scansion.author.Generaliser.ValueRef;
import dev.scansion.report.FailureText;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.ScriptResult.ScriptStatus;
import dev.scansion.text.Printable;

/**
 * What {@code --verify} found: each round (write, replay), every value it widened to a marker, and
 * how it ended. The words are {@link #summary()}'s; the failure's own line is {@link FailureText}'s.
 *
 * @param rounds  the rounds run, in order (none when the script could not be written)
 * @param widened every value widened over all rounds
 * @param outcome how it ended
 */
public record Verification(List<Round> rounds, Set<ValueRef> widened, Outcome outcome) {
    public Verification {
        rounds = List.copyOf(rounds);
        widened = Set.copyOf(widened);
        java.util.Objects.requireNonNull(outcome);
    }

    /**
     * One round: the script written with the values widened so far, then replayed.
     *
     * @param number  1-based
     * @param widened how many values were written as markers in this round's script
     * @param status  the replay's status
     */
    public record Round(int number, int widened, ScriptStatus status) {
    }

    /** How the verification ended. */
    public sealed interface Outcome permits Green, StillFailing, NotWritten {
    }

    /** The script as written replays green. */
    public record Green() implements Outcome {
    }

    /**
     * The last replay did not pass, and the script stays as that round wrote it.
     *
     * @param replay     the last replay's result (its failure is masked as every result is)
     * @param roundsLeft whether the failure pointed at values that could still be widened, but the
     *                   rounds ran out ({@link Verifier#MAX_ROUNDS}); false when widening cannot help
     */
    public record StillFailing(ScriptResult replay, boolean roundsLeft) implements Outcome {
    }

    /** No script was written: the conversation could not be generalised or the file not written. */
    public record NotWritten(String reason) implements Outcome {
    }

    public boolean verified() {
        return outcome instanceof Green;
    }

    /**
     * The documented exit codes: 0 green, 1 the replay failed (a test failure), 3 the replay could not
     * run (server unreachable, the written script unparsable) or nothing could be written.
     */
    public int exitCode() {
        if (outcome instanceof Green) return 0;
        if (outcome instanceof StillFailing f && f.replay().status() == ScriptStatus.FAILED) return 1;
        return 3;
    }

    /** One line for the console: the verdict, the widened values and the rounds, or the failure. */
    public String summary() {
        String rounds = rounds().size() + (rounds().size() == 1 ? " round" : " rounds");
        if (outcome instanceof Green) {
            return widened.isEmpty() ? "verified: replays green (" + rounds + ")"
                    : "verified: replays green after widening " + values(widened.size()) + " (" + rounds + ")";
        }
        if (outcome instanceof StillFailing f) {
            return "not verified: " + (f.roundsLeft() ? "still failing after " + rounds
                    : "the replay failed where no recorded value can be widened")
                    + (widened.isEmpty() ? "" : " (" + values(widened.size()) + " widened)") + ": "
                    + FailureText.oneLine(f.replay());
        }
        return "not verified: no script written: " + Printable.line(((NotWritten) outcome).reason());
    }

    private static String values(int n) {
        return n + (n == 1 ? " value" : " values");
    }
}
