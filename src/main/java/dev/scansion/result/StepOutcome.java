package dev.scansion.result;

import java.util.List;

/**
 * How one step ended: passed (with remarks), skipped with a warning, failed, accepted (failed, and
 * the accept mode rewrote its expectation), or not run (an earlier step failed).
 */
public sealed interface StepOutcome
        permits StepOutcome.Passed, StepOutcome.Skipped, StepOutcome.Failed, StepOutcome.Accepted, StepOutcome.NotRun {
    /** @param notes remarks that do not fail the step (e.g. "bound romeo@localhost/balcony") */
    record Passed(List<String> notes) implements StepOutcome {
        public Passed {
            notes = List.copyOf(notes);
        }

        public static Passed plain() {
            return new Passed(List.of());
        }

        public static Passed note(String note) {
            return new Passed(List.of(note));
        }
    }

    /**
     * Not performed, and not a failure: the script goes on. Today only a {@code sends} by an actor
     * the script has disconnected (compatibility with the original scansion, language doc §4).
     *
     * @param warning why, in one line (e.g. "Romeo has disconnected: nothing sent")
     */
    record Skipped(String warning) implements StepOutcome {
        public Skipped {
            java.util.Objects.requireNonNull(warning);
        }
    }

    record Failed(Failure failure) implements StepOutcome {
        public Failed {
            java.util.Objects.requireNonNull(failure);
        }
    }

    /**
     * The step failed, and {@code scansion run --accept} accepted what arrived: the script's
     * expectation is rewritten and the run went on as if the step had passed.
     *
     * @param failure how the step failed, as it would have been reported
     * @param change  what the rewrite changes, in one line (e.g. "/message/@type: chat → normal")
     */
    record Accepted(Failure failure, String change) implements StepOutcome {
        public Accepted {
            java.util.Objects.requireNonNull(failure);
            java.util.Objects.requireNonNull(change);
        }
    }

    record NotRun() implements StepOutcome {
    }
}
