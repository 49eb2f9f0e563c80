package dev.scansion.exec;

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
 * @param failure     for FAILED and ERROR: the first failure (the script stops there)
 * @param steps       every action in order; those after a failure are NOT_RUN
 * @param transcript  every actor's stanzas after binding, ordered by time
 * @param diagnostics parser diagnostics (errors for an unparsable script, warnings otherwise)
 * @param skipReason  for SKIPPED: why
 */
public record ScriptResult(String file, Optional<Path> path, String title, List<String> tags, ScriptStatus status,
                           Instant startedAt, Duration duration, Optional<Failure> failure, List<StepResult> steps,
                           List<TranscriptEntry> transcript, List<Diagnostic> diagnostics,
                           Optional<String> skipReason) {
    public ScriptResult {
        tags = List.copyOf(tags);
        steps = List.copyOf(steps);
        transcript = List.copyOf(transcript);
        diagnostics = List.copyOf(diagnostics);
    }

    /** INTERRUPTED: the run was stopped (SIGINT, SIGTERM) while this script ran. */
    public enum ScriptStatus { PASSED, FAILED, ERROR, SKIPPED, INTERRUPTED }

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
