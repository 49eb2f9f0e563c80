package dev.scansion.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.scansion.exec.Limits;
import dev.scansion.match.Difference;
import dev.scansion.result.Failure;
import dev.scansion.result.RunResult;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.StepResult;
import dev.scansion.result.TranscriptEntry;
import dev.scansion.script.Diagnostic;
import dev.scansion.script.ast.SourceSpan;
import dev.scansion.text.Printable;

/**
 * The run as one JSON document for other tools. Field names are camelCase; enumerated values are
 * lower-case with underscores ({@code not_run}, {@code receive_nothing}). Every field is written
 * (null or empty when it does not apply), so consumers need no existence checks. The format is
 * documented field by field in docs/reports.md; {@link #FORMAT_VERSION} changes when a field
 * changes meaning or disappears (adding fields does not change it).
 */
public final class JsonReporter {
    public static final int FORMAT_VERSION = 1;

    private JsonReporter() {
    }

    /** Writes the report (results must already be masked) whole, creating parent directories. */
    public static void write(RunResult run, RunInfo info, Path file) throws IOException {
        AtomicFile.write(file, render(run, info));
    }

    public static String render(RunResult run, RunInfo info) {
        StringBuilder sb = new StringBuilder();
        JsonWriter w = new JsonWriter(sb);
        w.beginObject();
        w.field("formatVersion", FORMAT_VERSION);
        w.name("tool").beginObject().field("name", "scansion").field("version", info.toolVersion()).endObject();
        w.name("server").beginObject().field("host", info.host().orElse(null));
        w.name("port");
        if (info.port().isPresent()) w.value(info.port().get());
        else w.nullValue();
        w.endObject();
        w.field("hostname", info.hostname());
        w.field("startedAt", Times.iso(run.startedAt()));
        w.field("durationMs", Times.millis(run.duration()));
        w.field("verdict", lower(run.verdict()));
        w.name("counts").beginObject().field("scripts", run.scripts().size()).field("passed", run.passed())
                .field("failed", run.failed()).field("errors", run.errors()).field("skipped", run.skipped())
                .field("known", run.known()).field("flaky", run.flaky()).endObject();
        w.name("problems");
        strings(w, run.problems());
        w.name("scripts").beginArray();
        for (ScriptResult r : run.scripts()) script(w, r);
        w.endArray();
        w.endObject();
        return sb.toString();
    }

    private static void script(JsonWriter w, ScriptResult r) {
        w.beginObject();
        w.field("path", r.file());
        w.field("title", r.title());
        w.name("tags").beginArray();
        for (String tag : r.tags()) tag(w, tag);
        w.endArray();
        w.field("status", lower(r.status()));
        w.field("startedAt", Times.iso(r.startedAt()));
        w.field("durationMs", Times.millis(r.duration()));
        String message = FailureText.oneLine(r);
        w.field("message", message.isEmpty() ? null : message);
        w.field("skipReason", r.skipReason().orElse(null));
        w.name("failure");
        failure(w, r.failure().orElse(null), r.startedAt());
        gate(w, r);
        w.name("diagnostics").beginArray();
        for (Diagnostic d : r.diagnostics()) diagnostic(w, d);
        w.endArray();
        w.name("steps").beginArray();
        for (StepResult s : r.steps()) step(w, s, r.startedAt());
        w.endArray();
        w.name("transcript");
        entries(w, r.transcript(), r.startedAt());
        w.endObject();
    }

    /**
     * The CI gate's fields: {@code flaky}, {@code attempts} (the failed attempts before the last, each
     * with its status, kind, message and duration) and {@code knownFailure} (the entry naming the script).
     */
    private static void gate(JsonWriter w, ScriptResult r) {
        w.field("flaky", r.flaky());
        w.name("attempts").beginArray();
        int n = 1;
        for (ScriptResult a : r.earlier()) {
            w.beginObject().field("attempt", n++).field("status", lower(a.status()));
            w.field("kind", a.failure().map(f -> lower(f.kind())).orElse(null));
            String message = FailureText.oneLine(a);
            w.field("message", message.isEmpty() ? null : message);
            w.field("startedAt", Times.iso(a.startedAt())).field("durationMs", Times.millis(a.duration())).endObject();
        }
        w.endArray();
        w.name("knownFailure");
        if (r.known().isEmpty()) {
            w.nullValue();
            return;
        }
        w.beginObject().field("reason", r.known().get().reason()).field("pattern", r.known().get().pattern())
                .field("entry", r.known().get().source()).field("failed", r.knownFailure()).endObject();
    }

    /** Tags as the model keeps them: {@code name} or {@code name: value}. */
    private static void tag(JsonWriter w, String tag) {
        int colon = tag.indexOf(':');
        String name = colon < 0 ? tag : tag.substring(0, colon).trim();
        String value = colon < 0 ? null : tag.substring(colon + 1).trim();
        w.beginObject().field("name", name).field("value", value).endObject();
    }

    private static void step(JsonWriter w, StepResult s, Instant start) {
        w.beginObject();
        w.field("number", s.number());
        w.field("kind", kind(s.verb()));
        w.field("verb", s.verb());
        w.field("actor", s.actor());
        w.field("line", s.span().line());
        w.field("column", s.span().column());
        w.field("status", lower(s.status()));
        w.field("startedAt", s.startedAt().map(Times::iso).orElse(null));
        w.field("durationMs", Times.millis(s.duration()));
        millisOrNull(w, "orderingMs", s.timing().ordering());
        millisOrNull(w, "toSocketMs", s.timing().toSocket());
        millisOrNull(w, "toVerdictMs", s.timing().toVerdict());
        w.name("notes");
        strings(w, s.notes());
        w.field("warning", s.warning().orElse(null));
        // An accepted step (scansion run --accept): what the rewrite changed, and the failure it answered.
        w.field("accepted", s.accepted().map(dev.scansion.result.StepOutcome.Accepted::change).orElse(null));
        w.name("failure");
        failure(w, s.failure().or(() -> s.accepted().map(dev.scansion.result.StepOutcome.Accepted::failure))
                .orElse(null), start);
        w.endObject();
    }

    private static void millisOrNull(JsonWriter w, String name, java.util.Optional<java.time.Duration> d) {
        w.name(name);
        if (d.isPresent()) w.value(Times.millis(d.get()));
        else w.nullValue();
    }

    /** The verb as written, as an identifier: {@code receives: nothing} gives {@code receive_nothing}. */
    static String kind(String verb) {
        return switch (verb) {
            case "connects" -> "connect";
            case "disconnects" -> "disconnect";
            case "sends" -> "send";
            case "receives" -> "receive";
            case "receives: nothing" -> "receive_nothing";
            default -> verb.replaceAll("[^A-Za-z]+", "_").toLowerCase(Locale.ROOT);
        };
    }

    private static void failure(JsonWriter w, Failure f, Instant start) {
        if (f == null) {
            w.nullValue();
            return;
        }
        w.beginObject();
        w.field("kind", lower(f.kind()));
        w.field("message", FailureMessages.of(f));
        w.name("at");
        position(w, f.at());
        w.field("sourceLine", f.sourceLine());
        w.name("differences").beginArray();
        for (Difference d : f.differences()) difference(w, d);
        w.endArray();
        w.field("received", f.received().orElse(null));
        w.name("setAside");
        strings(w, f.setAside().kept());
        w.field("setAsideTotal", f.setAside().total());
        w.name("recent");
        entries(w, f.recent(), start);
        w.endObject();
    }

    private static void difference(JsonWriter w, Difference d) {
        w.beginObject();
        w.name("expectedAt");
        position(w, d.expectedAt());
        w.field("path", d.path());
        w.field("reason", d.reason());
        w.field("expected", d.expected());
        w.field("received", d.received());
        w.endObject();
    }

    private static void diagnostic(JsonWriter w, Diagnostic d) {
        w.beginObject();
        w.field("severity", lower(d.severity()));
        w.field("message", d.message());
        w.name("at");
        position(w, d.span());
        w.field("sourceLine", Printable.cut(d.sourceLine(), Limits.STANZA_CHARS));
        w.field("detail", d.detail());
        w.endObject();
    }

    private static void entries(JsonWriter w, List<TranscriptEntry> entries, Instant start) {
        w.beginArray();
        for (TranscriptEntry e : entries) {
            w.beginObject();
            w.field("actor", e.actor());
            w.field("direction", lower(e.direction()));
            w.field("at", Times.iso(e.at()));
            w.field("offsetMs", Times.offsetMillis(start, e.at()));
            w.field("xml", e.xml());
            w.endObject();
        }
        w.endArray();
    }

    private static void position(JsonWriter w, SourceSpan span) {
        w.beginObject().field("file", span.file()).field("line", span.line()).field("column", span.column())
                .endObject();
    }

    private static void strings(JsonWriter w, List<String> list) {
        w.beginArray();
        for (String s : list) w.value(s);
        w.endArray();
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
