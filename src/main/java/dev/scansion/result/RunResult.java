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
     * PASSED. Known failures ({@link ScriptResult#knownFailure()}) do not make it FAILED.
     */
    public enum Verdict { PASSED, FAILED, INVALID, ERROR }

    public long passed() {
        return count(ScriptStatus.PASSED);
    }

    /** Scripts that failed, known failures not counted (see {@link #known()}). */
    public long failed() {
        return scripts.stream().filter(s -> s.status() == ScriptStatus.FAILED && !s.knownFailure()).count();
    }

    /** Scripts that failed as the known-failures file expects. */
    public long known() {
        return scripts.stream().filter(ScriptResult::knownFailure).count();
    }

    /** Scripts that passed on a retry. */
    public long flaky() {
        return scripts.stream().filter(ScriptResult::flaky).count();
    }

    /** Known failures that passed (their entries are stale). */
    public long knownPassed() {
        return scripts.stream().filter(ScriptResult::knownFailurePassed).count();
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

    /** {@link #verdict()}, and a passing run FAILED when {@code gate} counts flaky scripts or stale known failures. */
    public Verdict verdict(Gate gate) {
        Verdict v = verdict();
        if (v != Verdict.PASSED) return v;
        boolean failing = (gate.failOnFlaky() && flaky() > 0) || (gate.strictKnownFailures() && knownPassed() > 0);
        return failing ? Verdict.FAILED : v;
    }

    private long count(ScriptStatus status) {
        return scripts.stream().filter(s -> s.status() == status).count();
    }
}
