package dev.scansion.result;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.scansion.result.ScriptResult.ScriptStatus;

/**
 * The result of a run: every selected script in run order, plus problems with the selection
 * itself (paths that do not exist, nothing to run).
 */
public record RunResult(List<ScriptResult> scripts, List<String> problems, Instant startedAt, Duration duration) {
    public RunResult {
        scripts = List.copyOf(scripts);
        problems = List.copyOf(problems);
    }

    /**
     * The overall verdict, in this precedence: INVALID (selection problems, nothing run, or a
     * script that does not parse), ERROR (server unreachable or another runtime error), FAILED,
     * PASSED.
     */
    public enum Verdict { PASSED, FAILED, INVALID, ERROR }

    public long passed() {
        return count(ScriptStatus.PASSED);
    }

    public long failed() {
        return count(ScriptStatus.FAILED);
    }

    public long errors() {
        return count(ScriptStatus.ERROR);
    }

    public long interrupted() {
        return count(ScriptStatus.INTERRUPTED);
    }

    public long skipped() {
        return count(ScriptStatus.SKIPPED);
    }

    public Verdict verdict() {
        boolean unparsable = scripts.stream().anyMatch(s -> s.status() == ScriptStatus.ERROR
                && s.failure().map(f -> f.kind() == Failure.Kind.INVALID_SCRIPT).orElse(false));
        if (!problems.isEmpty() || unparsable || scripts.stream().allMatch(s -> s.status() == ScriptStatus.SKIPPED)) {
            return Verdict.INVALID;
        }
        if (errors() > 0) return Verdict.ERROR;
        return failed() > 0 ? Verdict.FAILED : Verdict.PASSED;
    }

    private long count(ScriptStatus status) {
        return scripts.stream().filter(s -> s.status() == status).count();
    }
}
