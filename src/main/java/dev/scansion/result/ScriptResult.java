package dev.scansion.result;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.scansion.script.Diagnostic;

/**
 * The result of one script file.
 *
 * @param file        display name (the path as the user gave it)
 * @param path        the file, when the script came from one
 * @param title       the header title ("" when none)
 * @param tags        the header tags as written ({@code name} or {@code name: value})
 * @param outcome     passed, failed (with the first failure), skipped or not run (with why) or interrupted
 * @param steps       every action in order; those after a failure are not run
 * @param transcript  every actor's stanzas after binding, ordered by time
 * @param diagnostics parser diagnostics (errors for an unparsable script, warnings otherwise)
 * @param earlier     the failed attempts before this one, oldest first, when the script was retried
 *                    ({@code --retries}); each whole, with its own failure and transcript
 * @param known       the known-failures entry naming the script, when there is one
 */
public record ScriptResult(String file, Optional<Path> path, String title, List<String> tags, ScriptOutcome outcome,
                           Instant startedAt, Duration duration, List<StepResult> steps,
                           List<TranscriptEntry> transcript, List<Diagnostic> diagnostics,
                           List<ScriptResult> earlier, Optional<KnownFailure> known) {
    public ScriptResult {
        java.util.Objects.requireNonNull(outcome);
        tags = List.copyOf(tags);
        steps = List.copyOf(steps);
        transcript = List.copyOf(transcript);
        diagnostics = List.copyOf(diagnostics);
        earlier = List.copyOf(earlier);
        java.util.Objects.requireNonNull(known);
    }

    /** A single attempt, not named by a known-failures file. */
    public ScriptResult(String file, Optional<Path> path, String title, List<String> tags, ScriptOutcome outcome,
                        Instant startedAt, Duration duration, List<StepResult> steps,
                        List<TranscriptEntry> transcript, List<Diagnostic> diagnostics) {
        this(file, path, title, tags, outcome, startedAt, duration, steps, transcript, diagnostics, List.of(),
                Optional.empty());
    }

    /** This result as the last of several attempts; {@code attempts} are the failed ones before it. */
    public ScriptResult withEarlier(List<ScriptResult> attempts) {
        return new ScriptResult(file, path, title, tags, outcome, startedAt, duration, steps, transcript, diagnostics,
                attempts, known);
    }

    public ScriptResult withKnown(Optional<KnownFailure> entry) {
        return new ScriptResult(file, path, title, tags, outcome, startedAt, duration, steps, transcript, diagnostics,
                earlier, entry);
    }

    /** How many times the script ran: 1, or more when it was retried. */
    public int attempts() {
        return earlier.size() + 1;
    }

    /** Passed, but only on a retry. */
    public boolean flaky() {
        return status() == ScriptStatus.PASSED && !earlier.isEmpty();
    }

    /**
     * A test failure (FAILED) the known-failures file expects: reported, but not failing the run.
     * An error (unparsable, server unreachable) is never excused.
     */
    public boolean knownFailure() {
        return known.isPresent() && status() == ScriptStatus.FAILED;
    }

    /** Named by the known-failures file, and passed: the entry is stale. */
    public boolean knownFailurePassed() {
        return known.isPresent() && status() == ScriptStatus.PASSED;
    }

    /** The status reports show, derived from the outcome. */
    public enum ScriptStatus { PASSED, FAILED, ERROR, SKIPPED, INTERRUPTED }

    /** A script that ran (or could not) and ended with {@code failure}, or passed when it is empty. */
    public static ScriptOutcome outcomeOf(Optional<Failure> failure) {
        return failure.map(ScriptOutcome::of).orElseGet(ScriptOutcome.Passed::new);
    }

    public ScriptStatus status() {
        if (outcome instanceof ScriptOutcome.Failed f) {
            return f.failure().kind().isError() ? ScriptStatus.ERROR : ScriptStatus.FAILED;
        }
        if (outcome instanceof ScriptOutcome.Skipped || outcome instanceof ScriptOutcome.NotRun) {
            return ScriptStatus.SKIPPED;
        }
        if (outcome instanceof ScriptOutcome.Interrupted) return ScriptStatus.INTERRUPTED;
        return ScriptStatus.PASSED;
    }

    /** For FAILED, ERROR and INTERRUPTED: the first failure. */
    public Optional<Failure> failure() {
        if (outcome instanceof ScriptOutcome.Failed f) return Optional.of(f.failure());
        if (outcome instanceof ScriptOutcome.Interrupted i) return Optional.of(i.failure());
        return Optional.empty();
    }

    /** For SKIPPED: why (not selected, or not run after a server-level failure). */
    public Optional<String> skipReason() {
        if (outcome instanceof ScriptOutcome.Skipped s) return Optional.of(s.reason());
        if (outcome instanceof ScriptOutcome.NotRun n) return Optional.of(n.reason());
        return Optional.empty();
    }

    /** The title, or the file name when the script has none. */
    public String name() {
        return title.isEmpty() ? file : title;
    }

    public Optional<StepResult> failedStep() {
        return steps.stream().filter(s -> s.failure().isPresent()).findFirst();
    }

    /** One actor's part of the transcript. */
    public List<TranscriptEntry> transcriptOf(String actor) {
        return transcript.stream().filter(e -> e.actor().equals(actor)).toList();
    }
}
