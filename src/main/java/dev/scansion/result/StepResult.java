package dev.scansion.result;

import java.time.Duration;
import java.time.Instant;
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
 * @param outcome  passed (with notes), skipped (with a warning), failed (with its failure) or not run
 * @param duration how long it took (zero when not run)
 * @param timing   where the duration went ({@link StepTiming#NONE} when not measured)
 * @param startedAt when it started (empty when not run, or not recorded): with the transcript's
 *                  times, it tells which stanzas arrived during the step
 */
public record StepResult(int number, String verb, String actor, SourceSpan span, StepOutcome outcome,
                         Duration duration, StepTiming timing, Optional<Instant> startedAt) {
    public StepResult {
        java.util.Objects.requireNonNull(outcome);
        java.util.Objects.requireNonNull(startedAt);
    }

    /** A step whose start was not recorded. */
    public StepResult(int number, String verb, String actor, SourceSpan span, StepOutcome outcome,
                      Duration duration, StepTiming timing) {
        this(number, verb, actor, span, outcome, duration, timing, Optional.empty());
    }

    /** A step that was not run, because an earlier one failed. */
    public static StepResult notRun(int number, String verb, String actor, SourceSpan span) {
        return new StepResult(number, verb, actor, span, new StepOutcome.NotRun(), Duration.ZERO, StepTiming.NONE);
    }

    /**
     * PASSED, SKIPPED (not performed, with a warning; the script went on), FAILED (a test failure),
     * ERROR (a runtime error: the failure's kind says so), ACCEPTED (failed, and rewritten by the accept
     * mode: the script went on) or NOT_RUN.
     */
    public enum StepStatus { PASSED, SKIPPED, FAILED, ERROR, ACCEPTED, NOT_RUN }

    public StepStatus status() {
        if (outcome instanceof StepOutcome.Failed f) {
            return f.failure().kind().isError() ? StepStatus.ERROR : StepStatus.FAILED;
        }
        if (outcome instanceof StepOutcome.Skipped) return StepStatus.SKIPPED;
        if (outcome instanceof StepOutcome.Accepted) return StepStatus.ACCEPTED;
        return outcome instanceof StepOutcome.Passed ? StepStatus.PASSED : StepStatus.NOT_RUN;
    }

    public Optional<Failure> failure() {
        return outcome instanceof StepOutcome.Failed f ? Optional.of(f.failure()) : Optional.empty();
    }

    /** For ACCEPTED: the failure that was accepted and what the rewrite changes. */
    public Optional<StepOutcome.Accepted> accepted() {
        return outcome instanceof StepOutcome.Accepted a ? Optional.of(a) : Optional.empty();
    }

    /** For SKIPPED: the warning. */
    public Optional<String> warning() {
        return outcome instanceof StepOutcome.Skipped s ? Optional.of(s.warning()) : Optional.empty();
    }

    public List<String> notes() {
        return outcome instanceof StepOutcome.Passed p ? p.notes() : List.of();
    }

    /** {@code Romeo receives} — how reports name a step. */
    public String title() {
        return actor + " " + verb;
    }
}
