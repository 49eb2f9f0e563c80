package dev.scansion.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

import dev.scansion.exec.RunListener;
import dev.scansion.exec.ScriptRunner;
import dev.scansion.report.RunInfo;
import dev.scansion.report.TranscriptWriter;
import dev.scansion.report.html.HtmlReport;
import dev.scansion.report.html.RunSettings;
import dev.scansion.result.RunResult;
import dev.scansion.result.ScriptResult;

/**
 * What every script of one execution shares: the runner (one server, one configuration), the
 * transcript names, and the results the HTML report is written from at the end. {@link #run} is
 * called from several threads at once when scripts run concurrently: the runner keeps each
 * script's state in its own {@code ScriptRun}; the transcript names, the results and standard
 * output are shared under locks.
 */
final class ScansionExecutionContext implements EngineExecutionContext {
    private final EngineSettings settings;
    private final ScriptRunner runner;
    private final Set<String> transcriptNames = new HashSet<>();
    private final CiGate gate;
    private final List<ScriptResult> results = new ArrayList<>();
    private final Instant startedAt = Instant.now();

    ScansionExecutionContext(EngineSettings settings) {
        this.settings = settings;
        this.runner = new ScriptRunner(settings.config(), settings.sessions(), RunListener.NONE);
        this.gate = new CiGate(settings.ci());
    }

    /** Runs the script and throws unless it passed (see {@link ScriptOutcomes}). */
    void run(ScriptDescriptor d) {
        // masked at the source: the runner never records a password
        ScriptResult result = gate.run(() -> runner.execute(d.script(), d.location().file(), d.sourceLines(),
                d.warnings()));
        printTranscript(result);
        settings.transcripts().ifPresent(dir -> writeTranscript(result, dir));
        synchronized (results) {
            results.add(result);
        }
        gate.judge(result);
        ScriptOutcomes.throwUnlessPassed(result, d.location());
    }

    /** Standard output is where Surefire and IDEs collect a test's output (Surefire's {@code system-out}). */
    private void printTranscript(ScriptResult r) {
        boolean print = switch (settings.printTranscript()) {
            case NEVER -> false;
            case FAILED -> r.status() != ScriptResult.ScriptStatus.PASSED;
            case ALWAYS -> true;
        };
        if (print) {
            String text = TranscriptWriter.render(r);
            synchronized (System.out) { // one transcript whole, even with scripts running concurrently
                System.out.print(text);
                System.out.flush();
            }
        }
    }

    private void writeTranscript(ScriptResult r, Path dir) {
        try {
            Files.createDirectories(dir);
            synchronized (transcriptNames) {
                TranscriptWriter.write(r, dir, transcriptNames);
            }
        } catch (IOException | RuntimeException e) {
            // the script's verdict stands; say why its transcript is missing
            System.err.println("scansion: cannot write the transcript of " + r.file() + " into " + dir + ": " + e);
        }
    }

    /**
     * When the engine ends: warns about known-failure entries that named none of the scripts run
     * (as the CLI does), and writes the HTML report ({@code scansion.html}) when asked for.
     */
    void finish() {
        List<ScriptResult> ran;
        synchronized (results) {
            ran = List.copyOf(results);
        }
        settings.ci().known().unmatched(ran).forEach(w -> System.err.println("scansion: warning: " + w));
        if (settings.html().isEmpty()) return;
        Path dir = settings.html().get();
        RunResult run;
        synchronized (results) {
            run = new RunResult(results, List.of(), startedAt, Duration.between(startedAt, Instant.now()));
        }
        try {
            HtmlReport.write(run, RunInfo.of(settings.config(), RunInfo.currentVersion()),
                    RunSettings.describe(settings.config()), dir);
        } catch (IOException | RuntimeException e) {
            // the scripts' verdicts stand; say why the report is missing
            System.err.println("scansion: cannot write the HTML report into " + dir + ": " + e);
        }
    }
}
