package dev.scansion.junit;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import dev.scansion.exec.ScriptRunner;
import dev.scansion.report.FailureText;
import dev.scansion.result.ScriptResult;
import dev.scansion.text.Printable;

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
    /** Why the scripts still to come are not run (the server is unusable, or fail-fast); the first reason stays. */
    private final AtomicReference<String> stopped = new AtomicReference<>();

    CiGate(CiSettings settings) {
        this.settings = settings;
    }

    /** Runs one script (with its retries), unless an earlier script has stopped the run. */
    ScriptResult run(Supplier<ScriptResult> attempt) {
        String why = stopped.get();
        if (why != null) throw new TestAbortedException(why);
        ScriptResult r = settings.attempts().run(attempt, () -> Thread.currentThread().isInterrupted());
        // Scripts in flight at once may each find a reason: the first one set is kept.
        ScriptRunner.serverUnusable(r).or(() -> ScriptRunner.failedFast(settings.failFast(), r))
                .ifPresent(reason -> stopped.compareAndSet(null, reason));
        return r;
    }

    /** Throws as the gate judges the result; returns normally when the platform's own rules apply. */
    void judge(ScriptResult r) {
        if (r.knownFailure()) {
            throw new TestAbortedException("known failure: " + r.known().get().reason() + " ("
                    + FailureText.oneLine(r) + ")");
        }
        if (r.knownFailurePassed() && settings.gate().strictKnownFailures()) {
            throw new AssertionFailedError(Printable.line(r.file()) + ": known failure passed: remove it from "
                    + Printable.line(r.known().get().file().toString()) + " (" + r.known().get().source() + ")");
        }
        if (r.flaky() && settings.gate().failOnFlaky()) {
            throw new AssertionFailedError(Printable.line(r.file()) + ": flaky: passed on attempt " + r.attempts() + " of "
                    + r.attempts() + "; attempt 1: " + FailureText.oneLine(r.earlier().get(0)));
        }
    }
}
