package dev.scansion.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.scansion.result.Direction;
import dev.scansion.result.Failure;
import dev.scansion.result.RunResult;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.ScriptResult.ScriptStatus;
import dev.scansion.result.TranscriptEntry;
import dev.scansion.text.Printable;

/**
 * Per-script transcripts: every element each actor sent and received after binding, in order,
 * each stamped with milliseconds since the script started and the absolute UTC time, control
 * characters shown escaped. Each file is written whole (see {@link AtomicFile}). SASL never
 * appears (capture starts after binding); passwords are masked at the
 * source (see {@link dev.scansion.script.SecretMask}).
 */
public final class TranscriptWriter {
    private static final int MAX_NAME = 120;

    private TranscriptWriter() {
    }

    /**
     * Writes one file per script that ran (not for skipped or unparsable ones) into {@code dir},
     * creating it. Results must already be masked. Returns the files in run order.
     */
    public static List<Path> writeAll(RunResult run, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (ScriptResult r : run.scripts()) {
            if (ran(r)) written.add(write(r, dir, used));
            // a retried script's failed attempts are kept too: the first failure is often the telling one
            int n = 1;
            for (ScriptResult a : r.earlier()) {
                String name = a.file().replaceFirst("\\.scs$", "") + ".attempt-" + n++;
                if (!ran(a)) continue;
                Path file = dir.resolve(uniqueName(name, used));
                AtomicFile.write(file, render(a));
                written.add(file);
            }
        }
        return written;
    }

    /**
     * Writes one script's transcript into {@code dir} (which must exist) under a name not yet in
     * {@code used} (lower-cased names; the new one is added). The result must already be masked.
     */
    public static Path write(ScriptResult r, Path dir, Set<String> used) throws IOException {
        Path file = dir.resolve(uniqueName(r.file(), used));
        AtomicFile.write(file, render(r));
        return file;
    }

    /** Whether the script got as far as running (so it has a transcript, possibly empty). */
    static boolean ran(ScriptResult r) {
        if (r.status() == ScriptStatus.SKIPPED) return false;
        return r.failure().map(f -> f.kind() != Failure.Kind.INVALID_SCRIPT).orElse(true);
    }

    /** The transcript as text: a {@code #} header, then one block per element. */
    public static String render(ScriptResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append("# scansion transcript\n");
        sb.append("# script:  ").append(Printable.line(r.file())).append('\n');
        if (!r.title().isEmpty()) sb.append("# title:   ").append(Printable.line(r.title())).append('\n');
        sb.append("# started: ").append(Times.iso(r.startedAt())).append('\n');
        sb.append("# status:  ").append(r.status().name().toLowerCase(Locale.ROOT));
        String why = FailureText.oneLine(r);
        sb.append(why.isEmpty() ? "" : " (" + why + ")").append('\n');
        for (String w : StepWarnings.of(r)) sb.append("# warning: ").append(w).append('\n');
        if (!r.transcript().isEmpty()) sb.append("# actors:  ").append(actors(r.transcript())).append('\n');
        sb.append("# each element: +milliseconds since the script started, UTC time, actor, direction\n");
        if (r.transcript().isEmpty()) sb.append("\n(nothing was sent or received after binding)\n");
        for (TranscriptEntry e : r.transcript()) entry(sb, r.startedAt(), e);
        return sb.toString();
    }

    /** {@code Romeo (2 sent, 3 received), Juliet (1 sent, 1 received)}, in order of first appearance. */
    private static String actors(List<TranscriptEntry> entries) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (TranscriptEntry e : entries) {
            counts.computeIfAbsent(e.actor(), a -> new int[2])[e.direction() == Direction.SENT ? 0 : 1]++;
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((actor, n) -> parts.add(Printable.line(actor) + " (" + n[0] + " sent, " + n[1] + " received)"));
        return String.join(", ", parts);
    }

    private static void entry(StringBuilder sb, Instant start, TranscriptEntry e) {
        long ms = Duration.between(start, e.at()).toMillis();
        String dir = e.direction() == Direction.SENT ? "sent" : "received";
        sb.append('\n').append('+').append(ms).append(" ms  ").append(Times.iso(e.at())).append("  ")
                .append(Printable.line(e.actor())).append(' ').append(dir).append('\n');
        for (String line : Printable.text(e.xml().strip()).split("\n", -1)) sb.append("  ").append(line).append('\n');
    }

    /**
     * A file name derived from the script path, e.g. {@code specs/muc/join.scs} gives
     * {@code specs_muc_join.txt}; a second script mapping to the same name gets {@code -2}.
     */
    static String uniqueName(String scriptPath, Set<String> used) {
        String base = baseName(scriptPath);
        String name = base + ".txt";
        for (int n = 2; !used.add(name.toLowerCase(Locale.ROOT)); n++) name = base + "-" + n + ".txt";
        return name;
    }

    static String baseName(String scriptPath) {
        List<String> parts = new ArrayList<>();
        for (String part : scriptPath.split("[/\\\\]")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..") || part.matches("[A-Za-z]:")) continue;
            parts.add(part);
        }
        String joined = String.join("_", parts);
        if (joined.endsWith(".scs")) joined = joined.substring(0, joined.length() - 4);
        String safe = joined.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[.]+", "");
        if (safe.length() > MAX_NAME) safe = safe.substring(safe.length() - MAX_NAME);
        return safe.isEmpty() ? "script" : safe;
    }
}
