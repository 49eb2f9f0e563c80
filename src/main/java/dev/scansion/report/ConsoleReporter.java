package dev.scansion.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * <p>
 * With several scripts in flight ({@code jobs} &gt; 1) events come from several threads: each
 * script's block (its {@code -v} steps and trace, diagnostics, result lines) is kept until the
 * script ends and printed whole, and the progress line lists what is running. With one job the
 * output is printed as it happens, as it always was. All state is kept under the progress lock.
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
    private final int jobs;
    private int total;
    private int done;
    /** The scripts started and not yet finished, by file, in start order. */
    private final Map<String, ScriptBlock> running = new LinkedHashMap<>();

    public ConsoleReporter(PrintWriter out, PrintWriter err, ConsoleOptions options) {
        this(out, err, options, 1);
    }

    /** @param jobs how many scripts the run keeps in flight at once (more than one: blocks kept whole) */
    public ConsoleReporter(PrintWriter out, PrintWriter err, ConsoleOptions options, int jobs) {
        this.jobs = jobs;
        this.out = out;
        this.err = err;
        this.options = options;
        this.style = options.style();
        this.failures = new FailureFormatter(style);
        this.progress = new ProgressLine(out, TerminalWidth::detect);
    }

    @Override
    public void runStarted(List<String> files) {
        synchronized (progress.lock()) {
            total = files.size();
        }
        if (options.progress()) progress.start();
    }

    @Override
    public void scriptStarted(String file, String title) {
        synchronized (progress.lock()) {
            // A retry starts the script again: its block keeps the failed attempt's lines.
            running.putIfAbsent(file, new ScriptBlock());
            progress.status(running.size() > 1 ? runningStatus() : "[" + (done + 1) + "/" + total + "] "
                    + Printable.line(file));
        }
    }

    /** {@code -v}: the names the script runs with, before the wire that shows them as sent. */
    @Override
    public void isolated(String file, String renames) {
        if (!options.verbose()) return;
        String line = style.dim("isolated: ") + Printable.line(renames);
        if (!keep(file, line, true)) print(err, List.of(line));
    }

    @Override
    public void stepStarted(String file, int number, String actor, String verb) {
        synchronized (progress.lock()) {
            progress.status(running.size() > 1 ? runningStatus() : "[" + (done + 1) + "/" + total + "] "
                    + Printable.line(file + ": " + actor + " " + verb));
        }
    }

    /** {@code [5/31] running: muc_join, pubsub_nodes}: the scripts in flight, by file name; with the lock held. */
    private String runningStatus() {
        List<String> names = running.keySet().stream().map(ConsoleReporter::shortName).toList();
        return "[" + (done + running.size()) + "/" + total + "] running: " + Printable.line(String.join(", ", names));
    }

    private static String shortName(String file) {
        String name = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        return name.endsWith(".scs") ? name.substring(0, name.length() - 4) : name;
    }

    @Override
    public void stepFinished(String file, StepResult step) {
        if (!options.verbose()) return;
        String mark = switch (step.status()) {
            case PASSED -> style.green("ok");
            case SKIPPED -> style.yellow("skipped");
            case ACCEPTED -> style.yellow("accepted");
            default -> style.red("FAILED");
        };
        String notes = step.notes().isEmpty() ? ""
                : style.dim(" (" + Printable.line(String.join("; ", step.notes())) + ")");
        if (step.warning().isPresent()) notes = " " + style.yellow("warning: ") + Printable.line(step.warning().get());
        if (step.accepted().isPresent()) notes = " " + Printable.line(step.accepted().get().change());
        String line = "    " + mark + " " + step.span().line() + ": " + Printable.line(step.title()) + " "
                + style.dim(Durations.format(step.duration()) + timing(step.timing())) + notes;
        if (!keep(file, line, false)) print(out, List.of(line));
    }

    /**
     * With several jobs, adds a line to the block of a script in flight (on {@code out}, or {@code err}
     * for the trace) and returns true; with one job, or for a script not in flight (a late trace line
     * after it ended), false: the caller prints it now.
     */
    private boolean keep(String file, String line, boolean toErr) {
        if (jobs <= 1) return false;
        synchronized (progress.lock()) {
            ScriptBlock block = running.get(file);
            if (block == null) return false;
            block.add(toErr ? block.err : block.out, line);
        }
        return true;
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
        wire("", actor, direction, xml);
    }

    @Override
    public void wire(String file, String actor, Direction direction, String xml) {
        if (!options.verbose()) return;
        String arrow = direction == Direction.SENT ? "->" : "<-";
        String line = style.dim("[" + Printable.line(actor) + "] " + arrow + " ") + Printable.line(xml);
        if (!keep(file, line, true)) print(err, List.of(line));
    }

    @Override
    public void scriptFinished(ScriptResult result) {
        synchronized (progress.lock()) {
            done++;
            ScriptBlock block = running.remove(result.file());
            if (running.size() > 1) progress.status(runningStatus());
            List<String> errLines = new ArrayList<>(block == null ? List.of() : block.lines(block.err));
            errLines.addAll(diagnostics(result.diagnostics()));
            List<String> outLines = new ArrayList<>(block == null ? List.of() : block.lines(block.out));
            outLines.addAll(ScriptLines.of(result, style, failures));
            print(err, errLines);
            print(out, outLines);
        }
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

    /**
     * Prints lines as one write, so that another listener printing on the same writer (the
     * annotations) cannot land between them.
     */
    private void print(PrintWriter to, List<String> lines) {
        if (lines.isEmpty()) return;
        String nl = System.lineSeparator();
        synchronized (progress.lock()) {
            progress.clear();
            to.print(String.join(nl, lines) + nl);
            to.flush();
        }
    }

    /** For tests: what the progress line says now. */
    String progressStatus() {
        return progress.status();
    }

    @Override
    public void close() {
        progress.close();
    }
}
