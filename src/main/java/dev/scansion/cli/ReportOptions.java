package dev.scansion.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.scansion.exec.RunConfig;
import dev.scansion.report.ReportFiles;
import dev.scansion.report.RunInfo;
import dev.scansion.result.RunResult;
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

    ReportFiles files() {
        return new ReportFiles(Optional.ofNullable(junit), Optional.ofNullable(json), Optional.ofNullable(transcripts));
    }

    /**
     * Writes the requested reports and returns the exit code to use: {@code exitCode}, or
     * {@link ExitCodes#RUNTIME} when a report could not be written and nothing worse happened.
     */
    int write(RunResult result, RunConfig config, PrintWriter err, int exitCode) {
        if (files().isEmpty()) return exitCode;
        List<String> errors = files().writeAll(result, RunInfo.of(config, VersionProvider.version()));
        errors.forEach(e -> err.println("error: " + e));
        err.flush();
        boolean worse = exitCode == ExitCodes.USAGE || exitCode == ExitCodes.RUNTIME;
        return errors.isEmpty() || worse ? exitCode : ExitCodes.RUNTIME;
    }
}
