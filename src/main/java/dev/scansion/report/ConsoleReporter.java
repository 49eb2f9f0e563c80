package dev.scansion.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import dev.scansion.exec.RunListener;
import dev.scansion.result.Direction;
import dev.scansion.result.RunResult;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.StepResult;
import dev.scansion.result.StepTiming;
import dev.scansion.script.Diagnostic;
import dev.scansion.text.Durations;
import dev.scansion.text.Printable;

/**
 * The human report: one line per script, details for failures, a recap of the scripts that did
 * not pass, and last a summary line containing {@code N passed, N failed} (CI tools parse it).
 * Results go to {@code out}; diagnostics, selection problems and the verbose trace go to
 * {@code err}. Text from scripts and servers is printed with its control characters escaped.
 */
public final class ConsoleReporter implements RunListener, AutoCloseable {
    private final PrintWriter out;
    private final PrintWriter err;
    private final ConsoleOptions options;
    private final ConsoleStyle style;
    private final FailureFormatter failures;
    private final ProgressLine progress;
    /** The longest reason a recap line shows (the full explanation is printed above it). */
    private static final int RECAP_WIDTH = 300;
    private int total;
    private int done;

    public ConsoleReporter(PrintWriter out, PrintWriter err, ConsoleOptions options) {
        this.out = out;
        this.err = err;
        this.options = options;
        this.style = options.style();
        this.failures = new FailureFormatter(style);
        this.progress = new ProgressLine(out, TerminalWidth::detect);
    }

    @Override
    public void runStarted(List<String> files) {
        total = files.size();
        if (options.progress()) progress.start();
    }

    @Override
    public void scriptStarted(String file, String title) {
        progress.status("[" + (done + 1) + "/" + total + "] " + Printable.line(file));
    }

    /** {@code -v}: the names the script runs with, before the wire that shows them as sent. */
    @Override
    public void isolated(String file, String renames) {
        if (options.verbose()) print(err, List.of(style.dim("isolated: ") + Printable.line(renames)));
    }

    @Override
    public void stepStarted(String file, int number, String actor, String verb) {
        progress.status("[" + (done + 1) + "/" + total + "] " + Printable.line(file + ": " + actor + " " + verb));
    }

    @Override
    public void stepFinished(String file, StepResult step) {
        if (!options.verbose()) return;
        String mark = switch (step.status()) {
            case PASSED -> style.green("ok");
            case SKIPPED -> style.yellow("skipped");
            default -> style.red("FAILED");
        };
        String notes = step.notes().isEmpty() ? ""
                : style.dim(" (" + Printable.line(String.join("; ", step.notes())) + ")");
        if (step.warning().isPresent()) notes = " " + style.yellow("warning: ") + Printable.line(step.warning().get());
        print(out, List.of("    " + mark + " " + step.span().line() + ": " + Printable.line(step.title()) + " "
                + style.dim(Durations.format(step.duration()) + timing(step.timing())) + notes));
    }

    /** {@code " [order 3.2 ms, to socket 0.1 ms]"}: where a step's time went, when measured. */
    private static String timing(StepTiming t) {
        List<String> parts = new ArrayList<>();
        // Below 10 µs there was nothing to wait for: only the bookkeeping was timed.
        t.ordering().filter(d -> d.toNanos() >= 10_000).ifPresent(d -> parts.add("order " + Durations.millis(d)));
        t.toSocket().ifPresent(d -> parts.add("to socket " + Durations.millis(d)));
        t.toVerdict().ifPresent(d -> parts.add("arrival to verdict " + Durations.millis(d)));
        return parts.isEmpty() ? "" : " [" + String.join(", ", parts) + "]";
    }

    @Override
    public boolean wantsWire() {
        return options.verbose();
    }

    @Override
    public void wire(String actor, Direction direction, String xml) {
        if (!options.verbose()) return;
        String arrow = direction == Direction.SENT ? "->" : "<-";
        print(err, List.of(style.dim("[" + Printable.line(actor) + "] " + arrow + " ") + Printable.line(xml)));
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
            print(err, result.problems().stream().map(p -> style.red("error: ") + Printable.line(p)).toList());
            return;
        }
        List<String> end = new ArrayList<>(recap(result.scripts()));
        end.add(summary(result));
        print(out, end);
    }

    /**
     * The scripts that did not pass, one line each ({@code FAIL  file:line:col: step: reason}), so
     * that a long run's failures need no scrolling back; empty when every script passed or was skipped.
     */
    private List<String> recap(List<ScriptResult> scripts) {
        List<String> entries = new ArrayList<>();
        for (ScriptResult r : scripts) {
            String mark = switch (r.status()) {
                case FAILED -> r.knownFailure() ? style.yellow("KNOWN") : style.red("FAIL ");
                case ERROR -> style.red("ERROR");
                case INTERRUPTED -> style.yellow("INTR ");
                case PASSED, SKIPPED -> null;
            };
            if (mark != null) entries.add("  " + mark + " " + Printable.cut(FailureText.oneLine(r), RECAP_WIDTH));
        }
        if (entries.isEmpty()) return entries;
        List<String> lines = new ArrayList<>(List.of("", "Not passed (" + entries.size() + "):"));
        lines.addAll(entries);
        return lines;
    }

    /** {@code 3 passed, 1 failed, 0 errors, 2 skipped (2.1 s)}. */
    public static String summary(RunResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.passed()).append(" passed, ").append(r.failed()).append(" failed, ")
                .append(Text.plural(r.errors(), "error", "errors"));
        if (r.skipped() > 0) sb.append(", ").append(r.skipped()).append(" skipped");
        if (r.interrupted() > 0) sb.append(", ").append(r.interrupted()).append(" interrupted");
        if (r.known() > 0) sb.append(", ").append(r.known()).append(" known");
        if (r.flaky() > 0) sb.append(", ").append(r.flaky()).append(" flaky");
        return sb.append(" (").append(Durations.format(r.duration())).append(')').toString();
    }

    private List<String> diagnostics(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> Printable.text(d.render())).toList();
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
