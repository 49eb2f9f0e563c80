package dev.scansion.report;

import java.util.ArrayList;
import java.util.List;

import dev.scansion.result.ScriptResult;
import dev.scansion.text.Printable;

/**
 * What the console adds to a script's lines for the CI gate: FLAKY (passed on a retry), KNOWN (a
 * failure the known-failures file expects), the failed attempts of a retried script, and a known
 * failure that passed. See docs/ci.md.
 */
final class GateLines {
    /** The longest reason an attempt's line shows. */
    private static final int ATTEMPT_WIDTH = 300;

    private GateLines() {
    }

    /** The mark of a passed or failed script: FLAKY and KNOWN replace PASS and FAIL. */
    static String mark(ScriptResult r, ConsoleStyle style) {
        if (r.flaky()) return style.yellow("FLAKY");
        if (r.knownFailure()) return style.yellow("KNOWN");
        return switch (r.status()) {
            case PASSED -> style.green("PASS ");
            case FAILED -> style.red("FAIL ");
            case ERROR -> style.red("ERROR");
            case SKIPPED -> style.yellow("SKIP ");
            case INTERRUPTED -> style.yellow("INTR ");
        };
    }

    /** The lines under the script's own: attempts, the known-failures entry. */
    static List<String> of(ScriptResult r, ConsoleStyle style) {
        List<String> out = new ArrayList<>();
        if (!r.earlier().isEmpty()) {
            String verdict = r.flaky() ? "passed on attempt " + r.attempts() + " of " + r.attempts()
                    : "failed " + Text.plural(r.attempts(), "attempt", "attempts");
            out.add("       " + style.yellow(verdict) + style.dim(" (--retries)"));
            int n = 1;
            for (ScriptResult a : r.earlier()) {
                out.add("       " + style.dim("attempt " + n++ + ": ") + Printable.cut(FailureText.oneLine(a), ATTEMPT_WIDTH));
            }
        }
        r.known().ifPresent(k -> {
            if (r.knownFailure()) {
                out.add("       " + style.yellow("known failure: ") + Printable.line(k.reason())
                        + style.dim(" (" + Printable.line(k.source()) + ")"));
            } else if (r.knownFailurePassed()) {
                out.add("       " + style.yellow("known failure passed: ") + "remove it from "
                        + Printable.line(k.file()) + style.dim(" (" + Printable.line(k.source()) + ")"));
            }
        });
        return out;
    }
}
