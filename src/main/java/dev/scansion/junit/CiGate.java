package dev.scansion.junit;

import java.util.Optional;
import java.util.function.Supplier;

import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import dev.scansion.exec.ScriptRunner;
import dev.scansion.report.FailureText;
import dev.scansion.result.ScriptResult;

/**
 * The CLI's CI gate inside the engine ({@link CiSettings}): retries and known failures around each
 * script, fail-fast across scripts. A known failure is reported as aborted (skipped, "known failure:
 * reason"); a flaky script passes unless {@code scansion.fail-on-flaky}; a known failure that passed
 * fails only with {@code scansion.strict-known-failures}. As in the CLI, once a script found the
 * server unreachable, mute or not XMPP, the scripts after it are not run (aborted with the reason)
 * rather than each waiting out its connect timeout.
 */
final class CiGate {
    private final CiSettings settings;
    /** Why the scripts still to come are not run: the server is unusable, or fail-fast. */
    private volatile Optional<String> stopped = Optional.empty();

    CiGate(CiSettings settings) {
        this.settings = settings;
    }

    /** Runs one script (with its retries), unless fail-fast has stopped the run. */
    ScriptResult run(Supplier<ScriptResult> attempt) {
        Optional<String> why = stopped;
        if (why.isPresent()) throw new TestAbortedException(why.get());
        ScriptResult r = settings.attempts().run(attempt, () -> Thread.currentThread().isInterrupted());
        if (stopped.isEmpty()) stopped = ScriptRunner.serverUnusable(r);
        if (settings.failFast() && stopped.isEmpty()) {
            switch (r.status()) {
                case FAILED -> {
                    if (!r.knownFailure()) stopped = Optional.of("not run: fail-fast, after " + r.file() + " failed");
                }
                case ERROR -> stopped = Optional.of("not run: fail-fast, after an error in " + r.file());
                case PASSED, SKIPPED, INTERRUPTED -> {
                }
            }
        }
        return r;
    }

    /** Throws as the gate judges the result; returns normally when the platform's own rules apply. */
    void judge(ScriptResult r) {
        if (r.knownFailure()) {
            throw new TestAbortedException("known failure: " + r.known().get().reason() + " ("
                    + FailureText.oneLine(r) + ")");
        }
        if (r.knownFailurePassed() && settings.gate().strictKnownFailures()) {
            throw new AssertionFailedError(r.file() + ": known failure passed: remove it from "
                    + r.known().get().file() + " (" + r.known().get().source() + ")");
        }
        if (r.flaky() && settings.gate().failOnFlaky()) {
            throw new AssertionFailedError(r.file() + ": flaky: passed on attempt " + r.attempts() + " of "
                    + r.attempts() + "; attempt 1: " + FailureText.oneLine(r.earlier().get(0)));
        }
    }
}
