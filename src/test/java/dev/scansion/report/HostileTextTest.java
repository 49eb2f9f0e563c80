package dev.scansion.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

import dev.scansion.match.Difference;
import dev.scansion.result.Direction;
import dev.scansion.result.Failure;
import dev.scansion.result.Reason;
import dev.scansion.result.Results;
import dev.scansion.result.RunResult;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.ScriptResult.ScriptStatus;
import dev.scansion.result.StepResult;
import dev.scansion.result.StepResult.StepStatus;
import dev.scansion.result.TranscriptEntry;
import dev.scansion.script.Diagnostic;
import dev.scansion.script.ast.SourceSpan;

/**
 * ESC and BEL from a script or a server never reach the terminal raw (they are shown as {@code \e}
 * and {@code \x07}), and the report files stay valid with them.
 */
class HostileTextTest {
    private static final String ESC = "\u001b";
    private static final String BEL = "\u0007";
    private static final String TITLE = "Title " + ESC + "[2J" + BEL;
    private static final String STANZA = "<message><body>hi " + ESC + "]0;pwned" + BEL + "</body></message>";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private static ScriptResult failed() {
        SourceSpan at = SourceSpan.of("evil" + ESC + ".scs", 7, 1);
        Difference d = new Difference(at, "/message/body" + BEL, "text differs " + ESC + "[31m", "hello" + BEL,
                "hi " + ESC + "]0;pwned" + BEL);
        TranscriptEntry recent = new TranscriptEntry("Romeo" + BEL, Direction.RECEIVED, ReportFixtures.T0, STANZA);
        // what a server wrote reaches the message through the reason the stream ended
        Failure f = new Failure(at, "Romeo receives:" + ESC + "[8m", new Reason.StreamClosed("Romeo",
                Optional.of(new Reason.Expected(at, 0, 1)), "no match " + BEL + ESC + "[5m", Optional.of(STANZA),
                Reason.SetAside.of(List.of(STANZA))), List.of(recent));
        StepResult noted = Results.step(2, "connects", "Romeo" + BEL, at, StepStatus.PASSED, Duration.ofMillis(3),
                Optional.empty(), List.of("note " + BEL));
        StepResult step = Results.step(3, "receives", "Romeo" + BEL, at, StepStatus.FAILED, Duration.ofSeconds(5),
                Optional.of(f), List.of());
        Diagnostic warning = Diagnostic.warning(at, "odd verb '" + ESC + "[1m'", "Romeo " + ESC + "[1m", 3,
                "here " + BEL);
        return Results.script("evil" + ESC + ".scs", Optional.empty(), TITLE, List.of(), ScriptStatus.FAILED,
                ReportFixtures.T0, Duration.ofSeconds(5), Optional.of(f), List.of(noted, step),
                List.of(new TranscriptEntry("Romeo" + BEL, Direction.SENT, ReportFixtures.T0, STANZA)),
                List.of(warning), Optional.empty());
    }

    private static RunResult run() {
        return new RunResult(List.of(failed()), List.of("no such file: x" + ESC + "[2J.scs"), ReportFixtures.T0,
                Duration.ZERO);
    }

    /** The console text without the reporter's own colour codes. */
    private static String withoutColours(String s) {
        return s.replaceAll("\u001b\\[[0-9;]*m", "");
    }

    @Test
    void consoleShowsControlCharactersEscaped() {
        for (ConsoleStyle style : List.of(ConsoleStyle.PLAIN, ConsoleStyle.COLOUR)) {
            ConsoleReporter r = new ConsoleReporter(new PrintWriter(out, true), new PrintWriter(err, true),
                    new ConsoleOptions(true, style, false));
            r.runStarted(List.of("evil.scs"));
            r.wire("Romeo" + BEL, Direction.RECEIVED, STANZA);
            ScriptResult s = failed();
            r.stepFinished(s.file(), s.steps().get(0));
            r.scriptFinished(s);
            r.runFinished(new RunResult(List.of(s), List.of(), ReportFixtures.T0, Duration.ZERO));
            r.runFinished(run());
        }
        String all = withoutColours(out + "\n" + err);
        assertFalse(all.contains(ESC), all);
        assertFalse(all.contains(BEL), all);
        assertTrue(all.contains("FAIL  Title \\e[2J\\x07 (evil\\e.scs)"), all);
        assertTrue(all.contains("closed by the server: no match \\x07\\e[5m"), all);
        assertTrue(all.contains("hi \\e]0;pwned\\x07"), all);
        assertTrue(all.contains("error: no such file: x\\e[2J.scs"), all);
        assertTrue(all.contains("odd verb '\\e[1m'"), all);
        assertTrue(all.contains("(note \\x07)"), all);
    }

    @Test
    void jsonEscapesEveryControlCharacter() {
        String json = JsonReporter.render(run(), ReportFixtures.INFO);
        for (char c = 0; c < 0x20; c++) assertEquals(-1, json.indexOf(c == '\n' ? 0 : c), "raw U+" + (int) c);
        assertEquals(-1, json.indexOf('\u0085'));
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = (Map<String, Object>) JsonTree.parse(json);
        @SuppressWarnings("unchecked")
        Map<String, Object> script = ((List<Map<String, Object>>) parsed.get("scripts")).get(0);
        assertEquals(TITLE, script.get("title"), "the data itself is kept");
    }

    @Test
    void c1ControlsAreEscapedInJson() {
        StringBuilder sb = new StringBuilder();
        new JsonWriter(sb).beginArray().value("a\u0085b\u009bc").endArray();
        assertEquals("[\n  \"a\\u0085b\\u009bc\"\n]\n", sb.toString());
        assertEquals(List.of("a\u0085b\u009bc"), JsonTree.parse(sb.toString()));
    }

    @Test
    void junitXmlStaysParseable() throws Exception {
        String xml = JUnitXmlReporter.render(run(), ReportFixtures.INFO);
        assertFalse(xml.contains(ESC), xml);
        assertFalse(xml.contains(BEL), xml);
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        String failure = doc.getElementsByTagName("failure").item(0).getTextContent();
        assertTrue(failure.contains("no match \\x07\\e[5m"), failure);
    }

    @Test
    void transcriptsShowControlCharactersEscaped() {
        String text = TranscriptWriter.render(failed());
        assertFalse(text.contains(ESC), text);
        assertFalse(text.contains(BEL), text);
        assertTrue(text.contains("# title:   Title \\e[2J\\x07"), text);
        assertTrue(text.contains("hi \\e]0;pwned\\x07"), text);
    }
}
