package dev.scansion.exec;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.scansion.script.ast.SourceSpan;

/**
 * The result of one action of a script.
 *
 * @param number   1-based position of the step among the script's actions
 * @param verb     as written: {@code connects}, {@code sends}, {@code receives}, {@code receives: nothing}, {@code disconnects}
 * @param actor    the actor's name
 * @param span     where the action line is
 * @param duration how long it took (zero when not run)
 * @param notes    remarks that do not fail the step (e.g. "the server had already closed the stream")
 * @param timing   where the duration went ({@link StepTiming#NONE} when not measured)
 */
public record StepResult(int number, String verb, String actor, SourceSpan span, StepStatus status, Duration duration,
                         Optional<Failure> failure, List<String> notes, StepTiming timing) {
    public StepResult {
        notes = List.copyOf(notes);
    }

    /** A result without timing details. */
    public StepResult(int number, String verb, String actor, SourceSpan span, StepStatus status, Duration duration,
                      Optional<Failure> failure, List<String> notes) {
        this(number, verb, actor, span, status, duration, failure, notes, StepTiming.NONE);
    }

    public enum StepStatus { PASSED, FAILED, ERROR, NOT_RUN }

    /** {@code Romeo receives} — how reports name a step. */
    public String title() {
        return actor + " " + verb;
    }
}
