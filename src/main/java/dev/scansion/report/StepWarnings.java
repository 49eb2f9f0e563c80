package dev.scansion.report;

import java.util.List;

import dev.scansion.result.ScriptResult;
import dev.scansion.result.StepResult;
import dev.scansion.text.Printable;

/**
 * The steps a script skipped with a warning (a {@code sends} after {@code disconnects}), one line
 * each as every text report shows them: {@code 12:1: Romeo sends skipped: Romeo has disconnected...}.
 */
final class StepWarnings {
    private StepWarnings() {
    }

    static List<String> of(ScriptResult r) {
        return r.steps().stream().filter(s -> s.warning().isPresent()).map(StepWarnings::line).toList();
    }

    static String line(StepResult s) {
        return Printable.line(s.span().line() + ":" + s.span().column() + ": " + s.title() + " skipped: "
                + s.warning().orElseThrow());
    }
}
