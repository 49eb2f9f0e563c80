package dev.scansion.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.scansion.exec.RunConfig;
import dev.scansion.report.ReportFiles;
import dev.scansion.report.RunInfo;
import dev.scansion.report.html.HtmlReport;
import dev.scansion.report.html.RunSettings;
import dev.scansion.result.RunResult;
import dev.scansion.text.Printable;
import picocli.CommandLine.Option;

/** Report files for CI, written after the run (see docs/reports.md). */
final class ReportOptions {
    @Option(names = "--junit", paramLabel = "FILE",
            description = "Write a JUnit XML report (Surefire's format: one testcase per script) to FILE.")
    Path junit;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Write the whole result (scripts, steps, differences, transcripts) as JSON to FILE.")
    Path json;

    @Option(names = "--transcripts", paramLabel = "DIR",
            description = "Write one transcript file per script (every stanza, timestamped) into DIR.")
    Path transcripts;

    @Option(names = "--html", paramLabel = "DIR",
            description = "Write an HTML report (an index, and a page per script with its conversation as a "
                    + "sequence diagram) into DIR; an earlier report there is replaced.")
    Path html;

    ReportFiles files() {
        return new ReportFiles(Optional.ofNullable(junit), Optional.ofNullable(json), Optional.ofNullable(transcripts));
    }

    /**
     * Writes the requested reports and returns the exit code to use: {@code exitCode}, or
     * {@link ExitCodes#RUNTIME} when a report could not be written and nothing worse happened.
     */
    int write(RunResult result, RunConfig config, PrintWriter err, int exitCode) {
        if (files().isEmpty() && html == null) return exitCode;
        RunInfo info = RunInfo.of(config, VersionProvider.version());
        List<String> errors = new ArrayList<>(files().writeAll(result, info));
        if (html != null) writeHtml(result, config, info).ifPresent(errors::add);
        errors.forEach(e -> err.println("error: " + e));
        err.flush();
        boolean worse = exitCode == ExitCodes.USAGE || exitCode == ExitCodes.RUNTIME;
        return errors.isEmpty() || worse ? exitCode : ExitCodes.RUNTIME;
    }

    /** Whether any report file was asked for. */
    boolean any() {
        return !files().isEmpty() || html != null;
    }

    private Optional<String> writeHtml(RunResult result, RunConfig config, RunInfo info) {
        try {
            HtmlReport.write(result, info, RunSettings.describe(config), html);
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (e instanceof FileSystemException fse && fse.getReason() != null) reason = fse.getReason();
            return Optional.of("cannot write --html " + html + ": " + Printable.line(reason));
        }
    }
}
