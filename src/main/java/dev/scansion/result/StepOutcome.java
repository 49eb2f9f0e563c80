package dev.scansion.result;

import java.util.List;

/**
 * How one step ended: passed (with remarks), skipped with a warning, failed, or not run (an earlier
 * step failed).
 */
public sealed interface StepOutcome
        permits StepOutcome.Passed, StepOutcome.Skipped, StepOutcome.Failed, StepOutcome.NotRun {
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

    record NotRun() implements StepOutcome {
    }
}
