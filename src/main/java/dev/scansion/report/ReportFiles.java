package dev.scansion.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.scansion.result.RunResult;
import dev.scansion.text.Printable;

/**
 * The report files a run was asked for ({@code --junit}, {@code --json}, {@code --transcripts}),
 * written after the run from its result (masked at the source: no password reaches it).
 */
public record ReportFiles(Optional<Path> junit, Optional<Path> json, Optional<Path> transcripts) {
    public static final ReportFiles NONE = new ReportFiles(Optional.empty(), Optional.empty(), Optional.empty());

    public boolean isEmpty() {
        return junit.isEmpty() && json.isEmpty() && transcripts.isEmpty();
    }

    /**
     * Writes every requested file. Never throws: returns one line per file that could not be
     * written ("cannot write --junit out/x.xml: Permission denied"), empty when all were.
     */
    public List<String> writeAll(RunResult run, RunInfo info) {
        List<String> errors = new ArrayList<>();
        if (isEmpty()) return errors;
        junit.ifPresent(f -> attempt(errors, "--junit", f, () -> JUnitXmlReporter.write(run, info, f)));
        json.ifPresent(f -> attempt(errors, "--json", f, () -> JsonReporter.write(run, info, f)));
        transcripts.ifPresent(d -> attempt(errors, "--transcripts", d, () -> TranscriptWriter.writeAll(run, d)));
        return errors;
    }

    /** Writes {@code text} to {@code file} whole ({@code merge-reports}); returns the problem, if any. */
    public static List<String> writeText(Path file, String text) {
        List<String> errors = new ArrayList<>();
        attempt(errors, "", file, () -> AtomicFile.write(file, text));
        return errors;
    }

    private interface Io {
        void run() throws IOException;
    }

    private static void attempt(List<String> errors, String option, Path path, Io io) {
        try {
            io.run();
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) reason = fse.getReason();
            errors.add("cannot write " + (option.isEmpty() ? "" : option + " ") + path + ": " + Printable.line(reason));
        }
    }
}
