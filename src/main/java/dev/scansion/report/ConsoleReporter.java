package dev.scansion.report;

import java.io.PrintWriter;
import java.util.List;

import dev.scansion.result.Direction;
import dev.scansion.exec.RunListener;
import dev.scansion.result.RunResult;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.StepResult;
import dev.scansion.result.StepTiming;
import dev.scansion.script.Diagnostic;

/**
 * The human report: one line per script, details for failures, a summary line containing
 * {@code N passed, N failed} (CI tools parse it). Results go to {@code out}; diagnostics,
 * selection problems and the verbose trace go to {@code err}.
 */
public final class ConsoleReporter implements RunListener, AutoCloseable {
    private final PrintWriter out;
    private final PrintWriter err;
    private final ConsoleOptions options;
    private final ConsoleStyle style;
    private final FailureFormatter failures;
    private final ProgressLine progress;
    private int total;
    private int done;

    public ConsoleReporter(PrintWriter out, PrintWriter err, ConsoleOptions options) {
        this.out = out;
        this.err = err;
        this.options = options;
        this.style = options.style();
        this.failures = new FailureFormatter(style);
        this.progress = new ProgressLine(out);
    }

    @Override
    public void runStarted(List<String> files) {
        total = files.size();
        if (options.progress()) progress.start();
    }

    @Override
    public void scriptStarted(String file, String title) {
        progress.status("[" + (done + 1) + "/" + total + "] " + file);
    }

    @Override
    public void stepStarted(String file, int number, String actor, String verb) {
        progress.status("[" + (done + 1) + "/" + total + "] " + file + ": " + actor + " " + verb);
    }

    @Override
    public void stepFinished(String file, StepResult step) {
        if (!options.verbose()) return;
        String mark = step.status() == StepResult.StepStatus.PASSED ? style.green("ok") : style.red("FAILED");
        String notes = step.notes().isEmpty() ? "" : style.dim(" (" + String.join("; ", step.notes()) + ")");
        print(out, List.of("    " + mark + " " + step.span().line() + ": " + step.title() + " "
                + style.dim(Text.seconds(step.duration()) + timing(step.timing())) + notes));
    }

    /** {@code " [order 3.2 ms, to socket 0.1 ms]"}: where a step's time went, when measured. */
    private static String timing(StepTiming t) {
        List<String> parts = new java.util.ArrayList<>();
        // Below 10 µs there was nothing to wait for: only the bookkeeping was timed.
        t.ordering().filter(d -> d.toNanos() >= 10_000).ifPresent(d -> parts.add("order " + Text.millis(d)));
        t.toSocket().ifPresent(d -> parts.add("to socket " + Text.millis(d)));
        t.toVerdict().ifPresent(d -> parts.add("arrival to verdict " + Text.millis(d)));
        return parts.isEmpty() ? "" : " [" + String.join(", ", parts) + "]";
    }

    @Override
    public void wire(String actor, Direction direction, String xml) {
        if (!options.verbose()) return;
        String arrow = direction == Direction.SENT ? "->" : "<-";
        print(err, List.of(style.dim("[" + actor + "] " + arrow + " ") + Text.oneLine(xml)));
    }

    @Override
    public void scriptFinished(ScriptResult result) {
        done++;
        print(err, diagnostics(result.diagnostics()));
        print(out, ScriptLines.of(result, style, failures));
    }

    @Override
    public void runFinished(RunResult result) {
        progress.close();
        if (!result.problems().isEmpty()) {
            print(err, result.problems().stream().map(p -> style.red("error: ") + p).toList());
            return;
        }
        print(out, List.of(summary(result)));
    }

    /** {@code 3 passed, 1 failed, 0 errors, 2 skipped (2.1 s)}. */
    public static String summary(RunResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.passed()).append(" passed, ").append(r.failed()).append(" failed, ")
                .append(Text.plural(r.errors(), "error", "errors"));
        if (r.skipped() > 0) sb.append(", ").append(r.skipped()).append(" skipped");
        if (r.interrupted() > 0) sb.append(", ").append(r.interrupted()).append(" interrupted");
        return sb.append(" (").append(Text.seconds(r.duration())).append(')').toString();
    }

    private List<String> diagnostics(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::render).toList();
    }

    private void print(PrintWriter to, List<String> lines) {
        if (lines.isEmpty()) return;
        synchronized (progress.lock()) {
            progress.clear();
            lines.forEach(to::println);
            to.flush();
        }
    }

    @Override
    public void close() {
        progress.close();
    }
}
