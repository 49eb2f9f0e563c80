package dev.scansion.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.scansion.result.Direction;
import dev.scansion.result.Failure;
import dev.scansion.result.Reason;
import dev.scansion.result.Results;
import dev.scansion.result.RunResult;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.ScriptResult.ScriptStatus;
import dev.scansion.result.StepResult.StepStatus;
import dev.scansion.result.TranscriptEntry;
import dev.scansion.script.Diagnostic;
import dev.scansion.script.ast.SourceSpan;

class HtmlReportTest {
    @TempDir
    Path tmp;

    @Test
    void writesAnIndexAStylesheetAndAPagePerScriptFailuresFirst() throws IOException {
        Path dir = tmp.resolve("report");
        HtmlReport.write(HtmlFixtures.run(List.of(HtmlFixtures.passed("a.scs", 3000), HtmlFixtures.failedConversation())),
                HtmlFixtures.INFO, List.of("--timeout 5 s"), dir);
        String index = Files.readString(dir.resolve("index.html"));
        assertTrue(Files.size(dir.resolve("style.css")) > 500);
        assertTrue(index.indexOf("scripts/0002-kick.html") < index.indexOf("scripts/0001-a.html"), "failures first");
        assertTrue(index.contains("specs/muc/kick.scs:30"));
        assertTrue(index.contains("127.0.0.1:5222") && index.contains("--timeout 5 s"));
        String page = Files.readString(dir.resolve("scripts/0002-kick.html"));
        assertTrue(page.contains("<td class=\"expected\">moderator</td>"), "differences shown");
        assertTrue(page.contains("<td class=\"received\">participant</td>"));
        assertTrue(page.contains("class=\"arrow received failed\""), "the failing arrow");
        assertTrue(page.contains("<a href=\"#s4\">"), "arrows lead to their stanza");
        assertTrue(page.contains("id=\"s4\""));
        assertTrue(page.contains("<a href=\"#step-7\">step 7, specs/muc/kick.scs:30</a>"), "stanzas lead to their line");
        assertTrue(page.contains(">conference.localhost</text>"), "a lane for the MUC component");
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(dir), files.toList(), "no temporary directory left");
        }
    }

    /** Under a CSP without 'unsafe-inline' and without scripts, nothing may need either. */
    @Test
    void noInlineStyleNoScript() throws IOException {
        Path dir = tmp.resolve("report");
        HtmlReport.write(HtmlFixtures.run(List.of(HtmlFixtures.failedConversation())), HtmlFixtures.INFO, List.of(), dir);
        for (String name : List.of("index.html", "scripts/0001-kick.html")) {
            String html = Files.readString(dir.resolve(name)).toLowerCase();
            assertFalse(html.contains("style="), name);
            assertFalse(html.contains("<style"), name);
            assertFalse(html.contains("<script"), name);
            assertFalse(html.contains(" on") && html.matches("(?s).*\\son[a-z]+=.*"), name);
        }
    }

    @Test
    void hostileTextIsEscaped() throws IOException {
        String evil = "<message><body><script>alert(1)</script>\u001b[31m</body></message>";
        ScriptResult r = Results.script("x\"><script>.scs", Optional.empty(), "<b>title</b>", List.of(),
                ScriptStatus.PASSED, HtmlFixtures.T0, Duration.ofMillis(5), Optional.empty(),
                List.of(Results.step(1, "receives", "Ro<meo", SourceSpan.of("x.scs", 3, 1), StepStatus.PASSED,
                        Duration.ofMillis(5), Optional.empty(), List.of())),
                List.of(new TranscriptEntry("Ro<meo", Direction.RECEIVED, HtmlFixtures.at(2), evil)), List.of(),
                Optional.empty());
        Path dir = tmp.resolve("report");
        HtmlReport.write(HtmlFixtures.run(List.of(r)), HtmlFixtures.INFO, List.of(), dir);
        for (String name : List.of("index.html", HtmlReport.pageNames(List.of(r)).get(0))) {
            String html = Files.readString(dir.resolve(name));
            assertFalse(html.contains("<script"), name);
            assertFalse(html.contains("<b>"), name);
            assertFalse(html.contains("\u001b"), name);
        }
    }

    @Test
    void aThousandScriptsGiveAnIndexUnderOneMegabyte() throws IOException {
        List<ScriptResult> scripts = new ArrayList<>();
        for (int i = 0; i < 999; i++) scripts.add(HtmlFixtures.passed("specs/group-" + (i % 10) + "/script-" + i + ".scs", i));
        scripts.add(HtmlFixtures.failedConversation());
        Path dir = tmp.resolve("report");
        HtmlReport.write(HtmlFixtures.run(scripts), HtmlFixtures.INFO, List.of(), dir);
        assertTrue(Files.size(dir.resolve("index.html")) < 1_000_000, "index: " + Files.size(dir.resolve("index.html")));
        try (Stream<Path> pages = Files.list(dir.resolve("scripts"))) {
            assertEquals(1000, pages.count());
        }
    }

    @Test
    void aHugeStanzaIsCutAndTheDiagramBounded() throws IOException {
        List<TranscriptEntry> many = new ArrayList<>();
        String huge = "<message><body>" + "x".repeat(100_000) + "</body></message>";
        for (int i = 0; i < Timeline.MAX_STANZAS + 50; i++) {
            many.add(new TranscriptEntry("Romeo", Direction.RECEIVED, HtmlFixtures.at(i), huge));
        }
        ScriptResult r = Results.script("flood.scs", Optional.empty(), "", List.of(), ScriptStatus.PASSED,
                HtmlFixtures.T0, Duration.ofMillis(600), Optional.empty(), List.of(), many, List.of(), Optional.empty());
        String page = ScriptPage.render(r);
        assertTrue(page.contains("… (100032 bytes)"), "cut as the console cuts");
        assertTrue(page.contains("50 more stanzas are not shown") || !page.contains("Conversation"));
        assertTrue(page.length() < (Timeline.MAX_STANZAS + 1) * (StanzaText.SHOWN_CHARS + 600), "page " + page.length());
    }

    /** An interrupted run (a signal), an unreachable server, a script that does not parse, a skipped one. */
    @Test
    void everyStatusHasARowAndAPage() throws IOException {
        SourceSpan at = SourceSpan.of("stop.scs", 7, 1);
        Failure stopped = new Failure(at, "Romeo receives:", new Reason.Interrupted());
        ScriptResult interrupted = Results.script("stop.scs", Optional.empty(), "", List.of(), ScriptStatus.INTERRUPTED,
                HtmlFixtures.T0, Duration.ofMillis(40), Optional.of(stopped), List.of(Results.step(1, "receives", "Romeo", at,
                        StepStatus.ERROR, Duration.ofMillis(40), Optional.of(stopped), List.of())), List.of(), List.of(),
                Optional.empty());
        Failure down = Results.unreachable(SourceSpan.of("down.scs", 5, 1), "Romeo connects", "Connection refused");
        ScriptResult unreachable = Results.script("down.scs", Optional.empty(), "", List.of(), ScriptStatus.ERROR,
                HtmlFixtures.T0, Duration.ofMillis(3), Optional.of(down), List.of(Results.step(1, "connects", "Romeo",
                        SourceSpan.of("down.scs", 5, 1), StepStatus.ERROR, Duration.ofMillis(3), Optional.of(down),
                        List.of())), List.of(), List.of(), Optional.empty());
        Diagnostic error = Diagnostic.error(SourceSpan.of("broken.scs", 4, 2), "unknown verb 'shouts'", "Romeo shouts", 6, "");
        ScriptResult invalid = Results.script("broken.scs", Optional.empty(), "", List.of(), ScriptStatus.ERROR,
                HtmlFixtures.T0, Duration.ZERO, Optional.of(Results.invalid(error.span(), 1)), List.of(), List.of(),
                List.of(error), Optional.empty());
        ScriptResult skipped = Results.script("slow.scs", Optional.empty(), "", List.of(), ScriptStatus.SKIPPED,
                HtmlFixtures.T0, Duration.ZERO, Optional.empty(), List.of(), List.of(), List.of(),
                Optional.of("not run: the run was stopped"));
        List<ScriptResult> all = List.of(interrupted, unreachable, invalid, skipped);
        Path dir = tmp.resolve("report");
        HtmlReport.write(HtmlFixtures.run(all), HtmlFixtures.INFO, List.of(), dir);
        String index = Files.readString(dir.resolve("index.html"));
        assertTrue(index.contains("stop.scs:7") && index.contains("interrupted"), index);
        assertTrue(index.contains("Connection refused") && index.contains("broken.scs:4"), index);
        assertTrue(index.contains("not run: the run was stopped"), index);
        List<String> pages = HtmlReport.pageNames(all);
        assertTrue(Files.readString(dir.resolve(pages.get(0))).contains("interrupted"));
        assertTrue(Files.readString(dir.resolve(pages.get(2))).contains("unknown verb &apos;shouts&apos;")
                || Files.readString(dir.resolve(pages.get(2))).contains("unknown verb 'shouts'"));
    }

    @Test
    void replacesAnEarlierReportButNotAnotherDirectory() throws IOException {
        Path dir = tmp.resolve("report");
        RunResult run = HtmlFixtures.run(List.of(HtmlFixtures.passed("a.scs", 0)));
        HtmlReport.write(run, HtmlFixtures.INFO, List.of(), dir);
        Files.writeString(dir.resolve("scripts/stale.html"), "old");
        HtmlReport.write(run, HtmlFixtures.INFO, List.of(), dir);
        assertFalse(Files.exists(dir.resolve("scripts/stale.html")), "the earlier report replaced whole");

        Path other = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(other.resolve("notes.txt"), "keep me");
        IOException e = assertThrows(IOException.class, () -> HtmlReport.write(run, HtmlFixtures.INFO, List.of(), other));
        assertTrue(e.getMessage().contains("not an earlier HTML report"), e.getMessage());
        assertEquals("keep me", Files.readString(other.resolve("notes.txt")));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(2, files.count(), "no temporary directory left");
        }
    }
}
