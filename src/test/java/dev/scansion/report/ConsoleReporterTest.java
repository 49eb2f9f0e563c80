package dev.scansion.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.scansion.match.Difference;
import dev.scansion.result.Direction;
import dev.scansion.result.Failure;
import dev.scansion.result.Results;
import dev.scansion.result.RunResult;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.ScriptResult.ScriptStatus;
import dev.scansion.result.StepResult;
import dev.scansion.result.StepResult.StepStatus;
import dev.scansion.result.StepTiming;
import dev.scansion.result.TranscriptEntry;
import dev.scansion.script.ast.SourceSpan;

class ConsoleReporterTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private ConsoleReporter reporter(boolean verbose, ConsoleStyle style) {
        return new ConsoleReporter(new PrintWriter(out, true), new PrintWriter(err, true),
                new ConsoleOptions(verbose, style, false));
    }

    private static ScriptResult passed(String file) {
        return Results.script(file, Optional.empty(), "Passes", List.of(), ScriptStatus.PASSED, Instant.now(),
                Duration.ofMillis(420), Optional.empty(), List.of(), List.of(), List.of(), Optional.empty());
    }

    private static ScriptResult failed() {
        SourceSpan at = SourceSpan.of("muc.scs", 20, 1);
        Difference d = new Difference(SourceSpan.of("muc.scs", 24, 56), "/presence/x{muc#user}/item/@role",
                "attribute value differs", "visitor", "moderator");
        TranscriptEntry recent = new TranscriptEntry("Romeo", Direction.RECEIVED, Instant.now(), "<iq id='x'/>");
        Failure f = Results.mismatch(at, "Romeo receives:", Duration.ofSeconds(5), List.of(d),
                List.of("<presence from='room@c/Romeo'/>", "<message type='groupchat'/>"), List.of(recent));
        StepResult step = Results.step(3, "receives", "Romeo", at, StepStatus.FAILED, Duration.ofSeconds(5),
                Optional.of(f), List.of());
        return Results.script("muc.scs", Optional.empty(), "MUC roles", List.of(), ScriptStatus.FAILED,
                Instant.now(), Duration.ofSeconds(5), Optional.of(f), List.of(step), List.of(), List.of(),
                Optional.empty());
    }

    private static ScriptResult unreachable() {
        SourceSpan at = SourceSpan.of("down.scs", 12, 1);
        Failure f = Results.unreachable(at, "Romeo connects", "cannot connect to localhost:1: Connection refused");
        StepResult step = Results.step(1, "connects", "Romeo", at, StepStatus.ERROR, Duration.ZERO,
                Optional.of(f), List.of());
        return Results.script("down.scs", Optional.empty(), "", List.of(), ScriptStatus.ERROR, Instant.now(),
                Duration.ZERO, Optional.of(f), List.of(step), List.of(), List.of(), Optional.empty());
    }

    private static ScriptResult skipped() {
        return Results.script("skip.scs", Optional.empty(), "Skipped one", List.of("slow"), ScriptStatus.SKIPPED,
                Instant.now(), Duration.ZERO, Optional.empty(), List.of(), List.of(), List.of(),
                Optional.of("tagged slow (--skip-tags)"));
    }

    private void runAll(ConsoleReporter r, ScriptResult... results) {
        r.runStarted(List.of());
        for (ScriptResult s : results) r.scriptFinished(s);
        r.runFinished(new RunResult(List.of(results), List.of(), Instant.now(), Duration.ofMillis(2100)));
    }

    @Test
    void summaryHasContiguousPassedAndFailedCounts() {
        runAll(reporter(false, ConsoleStyle.PLAIN), passed("a.scs"), passed("b.scs"), failed(), skipped());
        String text = out.toString();
        assertTrue(text.contains("2 passed, 1 failed, 0 errors, 1 skipped (2.1 s)"), text);
    }

    @Test
    void onePassLinePerScript() {
        runAll(reporter(false, ConsoleStyle.PLAIN), passed("a.scs"), passed("b.scs"));
        List<String> lines = out.toString().lines().toList();
        assertEquals(3, lines.size(), out.toString());
        assertTrue(lines.get(0).startsWith("PASS  Passes (a.scs) 420 ms"), lines.get(0));
    }

    @Test
    void failureShowsLocationSourceLineDifferencesAndSetAsideStanzas() {
        runAll(reporter(false, ConsoleStyle.PLAIN), failed());
        String text = out.toString();
        assertTrue(text.contains("FAIL  MUC roles (muc.scs)"), text);
        assertTrue(text.contains("--> muc.scs:20:1"), text);
        assertTrue(text.contains("20 | Romeo receives:"), text);
        assertTrue(text.contains("muc.scs:24:56  /presence/x{muc#user}/item/@role: attribute value differs"), text);
        assertTrue(text.contains("expected: visitor"), text);
        assertTrue(text.contains("received: moderator"), text);
        assertTrue(text.contains("set aside (2):"), text);
        assertTrue(text.contains("2. <message type='groupchat'/>"), text);
        assertTrue(text.contains("Romeo's last received before this step:"), text);
        assertTrue(text.contains("<iq id='x'/>"), text);
    }

    @Test
    void errorsAreOneLine() {
        runAll(reporter(false, ConsoleStyle.PLAIN), unreachable());
        List<String> lines = out.toString().lines().toList();
        assertEquals("ERROR down.scs: Romeo connects (down.scs:12:1): cannot connect to localhost:1: "
                + "Connection refused", lines.get(0));
        assertTrue(lines.get(lines.size() - 1).startsWith("0 passed, 0 failed, 1 error ("), out.toString());
    }

    @Test
    void recapOfWhatDidNotPassComesJustBeforeTheSummaryLine() {
        runAll(reporter(false, ConsoleStyle.PLAIN), passed("a.scs"), failed(), skipped(), unreachable());
        List<String> lines = out.toString().lines().toList();
        int n = lines.size();
        assertEquals("1 passed, 1 failed, 1 error, 1 skipped (2.1 s)", lines.get(n - 1), out.toString());
        assertEquals(List.of("", "Not passed (2):",
                "  FAIL  muc.scs:20:1: Romeo receives: no matching stanza within 5 s; 2 stanzas set aside",
                "  ERROR down.scs:12:1: Romeo connects: cannot connect to localhost:1: Connection refused"),
                lines.subList(n - 5, n - 1), out.toString());
    }

    @Test
    void noRecapWhenEverythingPassed() {
        runAll(reporter(false, ConsoleStyle.PLAIN), passed("a.scs"), skipped());
        assertFalse(out.toString().contains("Not passed"), out.toString());
    }

    @Test
    void skippedScriptsSayWhy() {
        runAll(reporter(false, ConsoleStyle.PLAIN), skipped());
        assertTrue(out.toString().contains("SKIP  Skipped one (skip.scs): tagged slow (--skip-tags)"), out.toString());
    }

    @Test
    void selectionProblemsGoToStderrWithoutSummary() {
        ConsoleReporter r = reporter(false, ConsoleStyle.PLAIN);
        r.runFinished(new RunResult(List.of(), List.of("nope.scs: no such file"), Instant.now(), Duration.ZERO));
        assertEquals("", out.toString());
        assertTrue(err.toString().contains("error: nope.scs: no such file"), err.toString());
    }

    @Test
    void verboseTracesTheWireAndEverySteptoo() {
        ConsoleReporter r = reporter(true, ConsoleStyle.PLAIN);
        r.wire("Romeo", Direction.SENT, "<presence/>");
        r.wire("Romeo", Direction.RECEIVED, "<message>\n<body>hi</body></message>");
        r.stepFinished("a.scs", Results.step(1, "connects", "Romeo", SourceSpan.of("a.scs", 9, 1),
                StepStatus.PASSED, Duration.ofMillis(12), Optional.empty(), List.of("bound romeo@localhost/x")));
        assertTrue(err.toString().contains("[Romeo] -> <presence/>"), err.toString());
        assertTrue(err.toString().contains("[Romeo] <- <message>\\n<body>hi</body></message>"), err.toString());
        assertTrue(out.toString().contains("ok 9: Romeo connects 12 ms (bound romeo@localhost/x)"), out.toString());
    }

    @Test
    void verboseStepsSayWhereTheTimeWent() {
        ConsoleReporter r = reporter(true, ConsoleStyle.PLAIN);
        r.stepFinished("a.scs", Results.step(2, "sends", "Juliet", SourceSpan.of("a.scs", 11, 1),
                StepStatus.PASSED, Duration.ofMillis(3), Optional.empty(), List.of(),
                new StepTiming(Optional.of(Duration.ofNanos(2_640_000)), Optional.of(Duration.ofNanos(41_000)),
                        Optional.empty())));
        r.stepFinished("a.scs", Results.step(3, "receives", "Romeo", SourceSpan.of("a.scs", 14, 1),
                StepStatus.PASSED, Duration.ofMillis(0), Optional.empty(), List.of(),
                new StepTiming(Optional.empty(), Optional.empty(), Optional.of(Duration.ofNanos(187_000)))));
        assertTrue(out.toString().contains("ok 11: Juliet sends 3 ms [order 2.64 ms, to socket 0.041 ms]"),
                out.toString());
        assertTrue(out.toString().contains("ok 14: Romeo receives 0 ms [arrival to verdict 0.187 ms]"),
                out.toString());
        r.stepFinished("a.scs", Results.step(4, "connects", "Juliet", SourceSpan.of("a.scs", 16, 1),
                StepStatus.PASSED, Duration.ofMillis(5), Optional.empty(), List.of(),
                new StepTiming(Optional.of(Duration.ofNanos(2_000)), Optional.empty(), Optional.empty())));
        assertTrue(out.toString().contains("ok 16: Juliet connects 5 ms\n")
                || out.toString().contains("ok 16: Juliet connects 5 ms" + System.lineSeparator()),
                "no order note when nothing was waited for: " + out);
    }

    @Test
    void quietWithoutVerbose() {
        ConsoleReporter r = reporter(false, ConsoleStyle.PLAIN);
        r.wire("Romeo", Direction.SENT, "<presence/>");
        assertEquals("", err.toString());
    }

    @Test
    void colourOnlyWhenAsked() {
        runAll(reporter(false, ConsoleStyle.PLAIN), passed("a.scs"), failed());
        assertFalse(out.toString().contains("\u001b["), "plain output has no escape codes");
        StringWriter coloured = new StringWriter();
        ConsoleReporter r = new ConsoleReporter(new PrintWriter(coloured, true), new PrintWriter(err, true),
                new ConsoleOptions(false, ConsoleStyle.COLOUR, false));
        r.scriptFinished(passed("a.scs"));
        assertTrue(coloured.toString().contains("\u001b[32m"), coloured.toString());
    }
}
