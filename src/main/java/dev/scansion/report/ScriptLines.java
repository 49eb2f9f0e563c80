package dev.scansion.report;

import java.util.ArrayList;
import java.util.List;

import dev.scansion.result.Failure;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.StepResult;

/** The lines the console prints for one finished script. */
final class ScriptLines {
    private ScriptLines() {
    }

    static List<String> of(ScriptResult r, ConsoleStyle style, FailureFormatter failures) {
        List<String> out = new ArrayList<>();
        String where = r.title().isEmpty() ? r.file() : r.title() + style.dim(" (" + r.file() + ")");
        switch (r.status()) {
            case PASSED -> out.add(style.green("PASS ") + " " + where + " " + style.dim(Text.seconds(r.duration())));
            case SKIPPED -> out.add(style.yellow("SKIP ") + " " + where + style.dim(r.skipReason()
                    .map(s -> ": " + s).orElse("")));
            case FAILED -> {
                out.add(style.red("FAIL ") + " " + where + " " + style.dim(Text.seconds(r.duration())));
                StepResult step = r.failedStep().orElseThrow();
                out.addAll(failures.lines(step, step.failure().orElseThrow()));
            }
            case ERROR -> out.add(style.red("ERROR") + " " + where + ": " + errorText(r));
            case INTERRUPTED -> out.add(style.yellow("INTR ") + " " + where + ": " + errorText(r));
        }
        return out;
    }

    /** Errors are one line: the step (if any) and the reason. */
    private static String errorText(ScriptResult r) {
        Failure f = r.failure().orElseThrow();
        return r.failedStep().map(s -> s.title() + " (" + f.at() + "): ").orElse("") + FailureMessages.of(f);
    }
}
