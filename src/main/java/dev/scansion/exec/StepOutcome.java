package dev.scansion.exec;

import java.util.List;

/** What running one step gave: passed (with remarks) or failed. */
sealed interface StepOutcome permits StepOutcome.Passed, StepOutcome.Failed {
    record Passed(List<String> notes) implements StepOutcome {
        public Passed {
            notes = List.copyOf(notes);
        }

        static Passed plain() {
            return new Passed(List.of());
        }

        static Passed note(String note) {
            return new Passed(List.of(note));
        }
    }

    record Failed(Failure failure) implements StepOutcome {
    }
}
