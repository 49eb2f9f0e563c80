package dev.scansion.junit;

import java.util.Locale;

import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import dev.scansion.report.FailureText;
import dev.scansion.result.Failure;
import dev.scansion.result.ScriptResult;

/**
 * A script's result as the JUnit Platform expects it: nothing for a pass, an
 * {@link AssertionFailedError} for a failure, a {@link ScriptError} for a script that could not
 * run. The message is the one-line {@code file:line:col: reason}, then the explanation the
 * console shows. The stack trace is one frame pointing into the script ({@code chat.scs:14}):
 * the runner's own frames would tell a script author nothing.
 */
final class ScriptOutcomes {
    private ScriptOutcomes() {
    }

    static void throwUnlessPassed(ScriptResult r, ScriptLocation location) {
        switch (r.status()) {
            case PASSED -> {
            }
            case FAILED -> throw pointingInto(new AssertionFailedError(message(r)), r, location);
            case ERROR, INTERRUPTED -> throw pointingInto(new ScriptError(message(r)), r, location);
            case SKIPPED -> throw new TestAbortedException(r.skipReason().orElse("skipped"));
        }
    }

    static String message(ScriptResult r) {
        String text = FailureText.text(r);
        return FailureText.oneLine(r) + (text.isEmpty() ? "" : "\n" + text);
    }

    private static <T extends Throwable> T pointingInto(T t, ScriptResult r, ScriptLocation location) {
        Failure f = r.failure().orElseThrow();
        String method = r.failedStep().map(s -> s.title()).orElse("script").replaceAll("[^\\p{L}\\p{N}_$]+", "_");
        String type = location.name().replaceAll("\\.scs$", "").replaceAll("[/\\\\]+", ".")
                .replaceAll("[^\\p{L}\\p{N}_$.]+", "_").toLowerCase(Locale.ROOT);
        t.setStackTrace(new StackTraceElement[]{
                new StackTraceElement(type, method, location.fileName(), f.at().line())});
        return t;
    }
}
