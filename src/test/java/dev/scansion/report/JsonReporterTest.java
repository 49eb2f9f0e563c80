package dev.scansion.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.scansion.result.Direction;
import dev.scansion.result.Results;
import dev.scansion.result.RunResult;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.ScriptResult.ScriptStatus;
import dev.scansion.result.TranscriptEntry;

/** The JSON report, parsed back with a strict parser and checked field by field. */
class JsonReporterTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Object> obj(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    private static Map<String, Object> report(RunResult run, RunInfo info) {
        return obj(JsonTree.parse(JsonReporter.render(run, info)));
    }

    private static Map<String, Object> script(Map<String, Object> report, int i) {
        return obj(list(report.get("scripts")).get(i));
    }

    private static BigDecimal n(long v) {
        return BigDecimal.valueOf(v);
    }

    private static Map<String, Object> pos(String file, long line, long column) {
        return Map.of("file", file, "line", n(line), "column", n(column));
    }

    @Test
    void runFields() {
        Map<String, Object> r = report(ReportFixtures.mixedRun(), ReportFixtures.INFO);
        assertEquals(List.of("formatVersion", "tool", "server", "hostname", "startedAt", "durationMs", "verdict",
                "counts", "problems", "scripts"), List.copyOf(r.keySet()));
        assertEquals(n(1), r.get("formatVersion"));
        assertEquals(Map.of("name", "scansion", "version", "1.2.3"), r.get("tool"));
        assertEquals(Map.of("host", "127.0.0.1", "port", n(5222)), r.get("server"));
        assertEquals("ci-host", r.get("hostname"));
        assertEquals("2025-05-01T10:00:00.000Z", r.get("startedAt"));
        assertEquals(0, new BigDecimal("7300").compareTo((BigDecimal) r.get("durationMs")));
        assertEquals("invalid", r.get("verdict"));
        assertEquals(Map.of("scripts", n(5), "passed", n(1), "failed", n(1), "errors", n(2), "skipped", n(1),
                "known", n(0), "flaky", n(0)),
                r.get("counts"));
        assertEquals(List.of(), r.get("problems"));
        assertEquals(List.of("passed", "failed", "error", "error", "skipped"),
                list(r.get("scripts")).stream().map(s -> obj(s).get("status")).toList());
    }

    @Test
    void serverWithoutOverridesIsNull() {
        RunInfo info = new RunInfo("dev", Optional.empty(), Optional.empty(), "h");
        Map<String, Object> server = obj(report(ReportFixtures.mixedRun(), info).get("server"));
        assertNull(server.get("host"));
        assertNull(server.get("port"));
        assertEquals(2, server.size(), "the fields are there, null");
    }

    @Test
    void passedScriptStepsAndTranscript() {
        Map<String, Object> s = script(report(ReportFixtures.mixedRun(), ReportFixtures.INFO), 0);
        assertEquals("specs/chat/hello.scs", s.get("path"));
        assertEquals("Hello", s.get("title"));
        assertEquals(List.of(Map.of("name", "chat"), Map.of("name", "status", "value", "stable")),
                list(s.get("tags")).stream().map(t -> withoutNulls(obj(t))).toList());
        assertEquals("2025-05-01T10:00:00.000Z", s.get("startedAt"));
        assertEquals(0, n(1234).compareTo((BigDecimal) s.get("durationMs")));
        assertNull(s.get("message"));
        assertNull(s.get("failure"));
        assertNull(s.get("skipReason"));
        List<Object> steps = list(s.get("steps"));
        assertEquals(4, steps.size());
        Map<String, Object> first = obj(steps.get(0));
        assertEquals(n(1), first.get("number"));
        assertEquals("connect", first.get("kind"));
        assertEquals("connects", first.get("verb"));
        assertEquals("Romeo", first.get("actor"));
        assertEquals(n(10), first.get("line"));
        assertEquals(n(1), first.get("column"));
        assertEquals("passed", first.get("status"));
        assertEquals(0, n(11).compareTo((BigDecimal) first.get("durationMs")));
        assertEquals(List.of("bound romeo@localhost/r"), first.get("notes"));
        assertNull(first.get("orderingMs"));
        assertTrue(first.containsKey("toSocketMs"), "timing fields are always there, null when not measured");
        Map<String, Object> send = obj(steps.get(1));
        assertEquals(0, new BigDecimal("0.25").compareTo((BigDecimal) send.get("orderingMs")));
        assertEquals(0, new BigDecimal("0.04").compareTo((BigDecimal) send.get("toSocketMs")));
        assertNull(send.get("toVerdictMs"));
        List<Object> transcript = list(s.get("transcript"));
        Map<String, Object> sent = obj(transcript.get(0));
        assertEquals("Romeo", sent.get("actor"));
        assertEquals("sent", sent.get("direction"));
        assertEquals("2025-05-01T10:00:00.012Z", sent.get("at"));
        assertEquals(0, n(12).compareTo((BigDecimal) sent.get("offsetMs")));
        assertEquals("<iq type='get' id='v1'>\n\t<query xmlns='jabber:iq:version'/>\n</iq>", sent.get("xml"));
        assertEquals("received", obj(transcript.get(1)).get("direction"));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> m) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(m);
        copy.values().removeIf(java.util.Objects::isNull);
        return copy;
    }

    @Test
    void failureWithStructuredDifferencesAndSetAsideStanzas() {
        Map<String, Object> s = script(report(ReportFixtures.mixedRun(), ReportFixtures.INFO), 1);
        assertEquals("specs/muc/roles.scs:24:3: Romeo receives: no matching stanza within 5 s; 2 stanzas set aside",
                s.get("message"));
        Map<String, Object> f = obj(s.get("failure"));
        assertEquals("mismatch", f.get("kind"));
        assertEquals("no matching stanza within 5 s; 2 stanzas set aside", f.get("message"));
        assertEquals(pos("specs/muc/roles.scs", 24, 3), f.get("at"));
        assertEquals("\t<presence from='room@conference.localhost/Romeo'>", f.get("sourceLine"));
        Map<String, Object> d = obj(list(f.get("differences")).get(0));
        assertEquals(pos("specs/muc/roles.scs", 25, 56), d.get("expectedAt"));
        assertEquals("/presence/x{muc#user}/item/@role", d.get("path"));
        assertEquals("attribute value differs", d.get("reason"));
        assertEquals("visitor", d.get("expected"));
        assertEquals("moderator", d.get("received"));
        assertEquals("<presence from='room@conference.localhost/Romeo'><x/></presence>", f.get("received"));
        assertEquals(List.of("<presence from='room@conference.localhost/Romeo'><x/></presence>",
                "<message type='groupchat'><subject/></message>"), f.get("setAside"));
        Map<String, Object> recent = obj(list(f.get("recent")).get(0));
        assertEquals("<iq id='x'/>", recent.get("xml"));
        assertEquals(0, n(-1270).compareTo((BigDecimal) recent.get("offsetMs")), "before the script's start");

        List<Object> steps = list(s.get("steps"));
        assertEquals("failed", obj(steps.get(2)).get("status"));
        assertEquals(f, obj(steps.get(2)).get("failure"), "the step carries the same failure");
        assertEquals("not_run", obj(steps.get(3)).get("status"));
        assertEquals("receive_nothing", obj(steps.get(3)).get("kind"));
    }

    @Test
    void unparsableScriptHasDiagnostics() {
        Map<String, Object> s = script(report(ReportFixtures.mixedRun(), ReportFixtures.INFO), 3);
        assertEquals("error", s.get("status"));
        assertEquals("invalid_script", obj(s.get("failure")).get("kind"));
        List<Object> diags = list(s.get("diagnostics"));
        assertEquals(2, diags.size());
        Map<String, Object> d = obj(diags.get(0));
        assertEquals("error", d.get("severity"));
        assertEquals("unknown actor 'Romeo2'", d.get("message"));
        assertEquals(pos("specs/broken.scs", 14, 1), d.get("at"));
        assertEquals("Romeo2 sends:", d.get("sourceLine"));
        assertEquals("not defined above the separator", d.get("detail"));
        assertEquals(List.of(), s.get("steps"));
    }

    @Test
    void skippedScriptHasItsReason() {
        Map<String, Object> s = script(report(ReportFixtures.mixedRun(), ReportFixtures.INFO), 4);
        assertEquals("skipped", s.get("status"));
        assertEquals("tagged slow (--skip-tags)", s.get("skipReason"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "quote \" backslash \\ slash /", "control \u0000\u0001\u001f\u007f end",
            "lines\n\r\ttab\b\f", "\u2028\u2029", "emoji \uD83D\uDE00 é ü 中", "", "</script>"})
    void stringsRoundTrip(String s) {
        ScriptResult base = ReportFixtures.passed();
        ScriptResult r = Results.script(s, Optional.empty(), s, List.of(), ScriptStatus.PASSED, base.startedAt(),
                Duration.ZERO, Optional.empty(), List.of(), List.of(new TranscriptEntry(s, Direction.SENT,
                base.startedAt(), s)), List.of(), Optional.empty());
        String json = JsonReporter.render(new RunResult(List.of(r), List.of(s), ReportFixtures.T0, Duration.ZERO),
                ReportFixtures.INFO);
        Map<String, Object> parsed = obj(JsonTree.parse(json));
        assertEquals(List.of(s), parsed.get("problems"));
        Map<String, Object> script = script(parsed, 0);
        assertEquals(s, script.get("path"));
        assertEquals(s, obj(list(script.get("transcript")).get(0)).get("xml"));
        assertEquals(-1, json.indexOf('\u2028'), "line separators escaped");
    }

    @Test
    void loneSurrogatesBecomeReplacementCharacters() {
        StringBuilder sb = new StringBuilder();
        new JsonWriter(sb).beginArray().value("a\uD800b\uDC00c").endArray();
        assertEquals(List.of("a\uFFFDb\uFFFDc"), JsonTree.parse(sb.toString()));
    }

    @Test
    void writerRejectsMisuse() {
        assertThrows(IllegalStateException.class, () -> new JsonWriter(new StringBuilder()).beginObject().value("x"));
        assertThrows(IllegalStateException.class, () -> new JsonWriter(new StringBuilder()).beginArray().name("x"));
        assertThrows(IllegalStateException.class, () -> new JsonWriter(new StringBuilder()).beginArray().endObject());
        assertThrows(IllegalStateException.class,
                () -> new JsonWriter(new StringBuilder()).beginObject().name("a").endObject());
    }

    @Test
    void emptyContainersAndNesting() {
        StringBuilder sb = new StringBuilder();
        new JsonWriter(sb).beginObject().name("a").beginArray().endArray().name("b").beginObject().endObject()
                .name("c").beginArray().value(1).value(true).nullValue().beginArray().endArray().endArray().endObject();
        assertEquals(Map.of("a", List.of(), "b", Map.of(), "c", java.util.Arrays.asList(n(1), true, null, List.of())),
                JsonTree.parse(sb.toString()));
    }
}
