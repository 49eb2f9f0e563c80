package dev.scansion.result;

import java.util.List;

/** How one step ended: passed (with remarks), failed, or not run (an earlier step failed). */
public sealed interface StepOutcome permits StepOutcome.Passed, StepOutcome.Failed, StepOutcome.NotRun {
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

    record Failed(Failure failure) implements StepOutcome {
        public Failed {
            java.util.Objects.requireNonNull(failure);
        }
    }

    record NotRun() implements StepOutcome {
    }
}
