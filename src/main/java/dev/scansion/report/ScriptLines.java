package dev.scansion.report;

import java.util.ArrayList;
import java.util.List;

import dev.scansion.result.Failure;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.StepResult;
import dev.scansion.text.Durations;
import dev.scansion.text.Printable;

/** The lines the console prints for one finished script (script and server text shown escaped). */
final class ScriptLines {
    private ScriptLines() {
    }

    static List<String> of(ScriptResult r, ConsoleStyle style, FailureFormatter failures) {
        List<String> out = new ArrayList<>();
        String file = Printable.line(r.file());
        String where = r.title().isEmpty() ? file : Printable.line(r.title()) + style.dim(" (" + file + ")");
        switch (r.status()) {
            case PASSED -> out.add(GateLines.mark(r, style) + " " + where + " " + style.dim(Durations.format(r.duration())));
            case SKIPPED -> out.add(style.yellow("SKIP ") + " " + where + style.dim(r.skipReason()
                    .map(s -> ": " + Printable.line(s)).orElse("")));
            case FAILED -> {
                out.add(GateLines.mark(r, style) + " " + where + " " + style.dim(Durations.format(r.duration())));
                StepResult step = r.failedStep().orElseThrow();
                out.addAll(failures.lines(step, step.failure().orElseThrow()));
            }
            case ERROR -> out.add(style.red("ERROR") + " " + where + ": " + errorText(r));
            case INTERRUPTED -> out.add(style.yellow("INTR ") + " " + where + ": " + errorText(r));
        }
        out.addAll(GateLines.of(r, style));
        // Printed under the script's line whatever its status, so -v is not needed to see them.
        for (String w : StepWarnings.of(r)) out.add("       " + style.yellow("warning: ") + w);
        return out;
    }

    /** Errors are one line: the step (if any) and the reason. */
    private static String errorText(ScriptResult r) {
        Failure f = r.failure().orElseThrow();
        return Printable.line(r.failedStep().map(s -> s.title() + " (" + f.at() + "): ").orElse("") + FailureMessages.of(f));
    }
}
