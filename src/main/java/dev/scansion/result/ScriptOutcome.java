package dev.scansion.result;

/**
 * How a script ended. A failure is held exactly by the outcomes that have one, so a status and its
 * failure cannot disagree.
 */
public sealed interface ScriptOutcome
        permits ScriptOutcome.Passed, ScriptOutcome.Failed, ScriptOutcome.Skipped, ScriptOutcome.Interrupted,
        ScriptOutcome.NotRun {
    record Passed() implements ScriptOutcome {
    }

    /**
     * The first failure (the script stops there). A test failure (FAILED) or, when its kind is a
     * runtime error (server unreachable, script invalid, internal), an ERROR.
     */
    record Failed(Failure failure) implements ScriptOutcome {
        public Failed {
            java.util.Objects.requireNonNull(failure);
            if (failure.kind() == Failure.Kind.INTERRUPTED) throw new IllegalArgumentException("use Interrupted");
        }
    }

    /** Not selected (tags): {@code reason} says why. */
    record Skipped(String reason) implements ScriptOutcome {
    }

    /**
     * Not run because an earlier script found the server unusable for every script (unreachable,
     * mute, not XMPP): {@code reason} says why ("not run: ..."). Reported as skipped.
     */
    record NotRun(String reason) implements ScriptOutcome {
    }

    /** The run was stopped (a signal) while this script ran, at {@code failure}'s step. */
    record Interrupted(Failure failure) implements ScriptOutcome {
    }

    /** The outcome for a script whose first failure is {@code failure}. */
    static ScriptOutcome of(Failure failure) {
        return failure.kind() == Failure.Kind.INTERRUPTED ? new Interrupted(failure) : new Failed(failure);
    }
}
