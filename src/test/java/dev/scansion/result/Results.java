package dev.scansion.result;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.scansion.match.Difference;
import dev.scansion.script.Diagnostic;
import dev.scansion.script.ast.SourceSpan;

/** Test fixtures: results built from a status and its parts, the way tests think of them. */
public final class Results {
    private Results() {
    }

    public static StepResult step(int number, String verb, String actor, SourceSpan span, StepResult.StepStatus status,
                                  Duration duration, Optional<Failure> failure, List<String> notes) {
        return step(number, verb, actor, span, status, duration, failure, notes, StepTiming.NONE);
    }

    public static StepResult step(int number, String verb, String actor, SourceSpan span, StepResult.StepStatus status,
                                  Duration duration, Optional<Failure> failure, List<String> notes, StepTiming timing) {
        StepOutcome outcome = switch (status) {
            case PASSED -> new StepOutcome.Passed(notes);
            case SKIPPED -> new StepOutcome.Skipped(String.join("; ", notes));
            case FAILED, ERROR -> new StepOutcome.Failed(failure.orElseThrow());
            case ACCEPTED -> new StepOutcome.Accepted(failure.orElseThrow(), String.join("; ", notes));
            case NOT_RUN -> new StepOutcome.NotRun();
        };
        return new StepResult(number, verb, actor, span, outcome, duration, timing);
    }

    public static ScriptResult script(String file, Optional<Path> path, String title, List<String> tags,
                                      ScriptResult.ScriptStatus status, Instant startedAt, Duration duration,
                                      Optional<Failure> failure, List<StepResult> steps,
                                      List<TranscriptEntry> transcript, List<Diagnostic> diagnostics,
                                      Optional<String> skipReason) {
        ScriptOutcome outcome = switch (status) {
            case PASSED -> new ScriptOutcome.Passed();
            case FAILED, ERROR -> new ScriptOutcome.Failed(failure.orElseThrow());
            case SKIPPED -> new ScriptOutcome.Skipped(skipReason.orElseThrow());
            case INTERRUPTED -> new ScriptOutcome.Interrupted(failure.orElseThrow());
        };
        return new ScriptResult(file, path, title, tags, outcome, startedAt, duration, steps, transcript, diagnostics);
    }

    /** A skip-mode mismatch: the first set-aside stanza is the closest, with {@code differences}. */
    public static Failure mismatch(SourceSpan at, String sourceLine, Duration waited, List<Difference> differences,
                                   List<String> setAside, List<TranscriptEntry> recent) {
        Reason.Expected expected = new Reason.Expected(at, 0, 1);
        return new Failure(at, sourceLine, new Reason.NoMatch(expected, waited,
                List.of(new Reason.Candidate(setAside.get(0), differences)), Reason.SetAside.of(setAside),
                Reason.Dropped.none("Romeo")), recent);
    }

    public static Failure unreachable(SourceSpan at, String sourceLine, String reason) {
        return new Failure(at, sourceLine, new Reason.ConnectFailed(false, reason));
    }

    public static Failure invalid(SourceSpan at, int errors) {
        return new Failure(at, "", new Reason.InvalidScript(errors));
    }
}
