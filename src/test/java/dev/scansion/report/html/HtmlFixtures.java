package dev.scansion.report.html;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.scansion.match.Difference;
import dev.scansion.report.RunInfo;
import dev.scansion.result.Direction;
import dev.scansion.result.Failure;
import dev.scansion.result.Results;
import dev.scansion.result.RunResult;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.ScriptResult.ScriptStatus;
import dev.scansion.result.StepResult;
import dev.scansion.result.StepResult.StepStatus;
import dev.scansion.result.TranscriptEntry;
import dev.scansion.script.ast.SourceSpan;

/** A small fixed conversation (two actors, a MUC component, a failing receive) at fixed times. */
final class HtmlFixtures {
    static final Instant T0 = Instant.parse("2025-05-01T10:00:00Z");
    static final RunInfo INFO = new RunInfo("1.2.3", Optional.of("127.0.0.1"), Optional.of(5222), "ci-host");
    static final String FILE = "specs/muc/kick.scs";
    static final String ROOM_PRESENCE = "<presence from='room@conference.localhost/Juliet'>"
            + "<x xmlns='http://jabber.org/protocol/muc#user'><item role='participant'/></x></presence>";
    static final String ASIDE = "<message from='localhost' type='headline'><body>motd</body></message>";

    private HtmlFixtures() {
    }

    static Instant at(long ms) {
        return T0.plusMillis(ms);
    }

    private static StepResult step(int n, String verb, String actor, int line, long ms) {
        return Results.step(n, verb, actor, SourceSpan.of(FILE, line, 1), StepStatus.PASSED, Duration.ofMillis(ms),
                Optional.empty(), List.of());
    }

    static Failure mismatch() {
        SourceSpan at = SourceSpan.of(FILE, 30, 1);
        Difference d = new Difference(SourceSpan.of(FILE, 31, 40), "/presence/x{muc#user}/item/@role",
                "attribute value differs", "moderator", "participant");
        return Results.mismatch(at, "Romeo receives:", Duration.ofSeconds(2), List.of(d),
                List.of(ROOM_PRESENCE, ASIDE), List.of());
    }

    /** Romeo and Juliet join a room; Romeo expects Juliet as moderator and gets a participant. */
    static ScriptResult failedConversation() {
        Failure f = mismatch();
        List<StepResult> steps = List.of(
                step(1, "connects", "Romeo", 10, 20),
                step(2, "connects", "Juliet", 11, 20),
                step(3, "sends", "Romeo", 13, 2),
                step(4, "receives", "Romeo", 16, 8),
                step(5, "sends", "Juliet", 20, 2),
                step(6, "receives: nothing", "Juliet", 24, 500),
                Results.step(7, "receives", "Romeo", SourceSpan.of(FILE, 30, 1), StepStatus.FAILED,
                        Duration.ofSeconds(2), Optional.of(f), List.of()),
                Results.step(8, "disconnects", "Romeo", SourceSpan.of(FILE, 40, 1), StepStatus.NOT_RUN,
                        Duration.ZERO, Optional.empty(), List.of()));
        List<TranscriptEntry> transcript = List.of(
                new TranscriptEntry("Romeo", Direction.SENT, at(41), "<presence to='room@conference.localhost/Romeo'>"
                        + "<x xmlns='http://jabber.org/protocol/muc'/></presence>"),
                new TranscriptEntry("Romeo", Direction.RECEIVED, at(47), "<presence from='room@conference.localhost/Romeo'>"
                        + "<x xmlns='http://jabber.org/protocol/muc#user'><item role='moderator'/></x></presence>"),
                new TranscriptEntry("Juliet", Direction.SENT, at(51), "<presence to='room@conference.localhost/Juliet'>"
                        + "<x xmlns='http://jabber.org/protocol/muc'/></presence>"),
                new TranscriptEntry("Romeo", Direction.RECEIVED, at(60), ROOM_PRESENCE),
                new TranscriptEntry("Romeo", Direction.RECEIVED, at(61), ASIDE));
        return Results.script(FILE, Optional.empty(), "Kick from a room", List.of("muc"), ScriptStatus.FAILED,
                T0, Duration.ofMillis(2552), Optional.of(f), steps, transcript, List.of(), Optional.empty());
    }

    static ScriptResult passed(String file, long startMs) {
        List<StepResult> steps = List.of(
                Results.step(1, "connects", "Romeo", SourceSpan.of(file, 5, 1), StepStatus.PASSED,
                        Duration.ofMillis(10), Optional.empty(), List.of()),
                Results.step(2, "sends", "Romeo", SourceSpan.of(file, 6, 1), StepStatus.PASSED,
                        Duration.ofMillis(1), Optional.empty(), List.of()),
                Results.step(3, "receives", "Romeo", SourceSpan.of(file, 9, 1), StepStatus.PASSED,
                        Duration.ofMillis(3), Optional.empty(), List.of()));
        List<TranscriptEntry> transcript = List.of(
                new TranscriptEntry("Romeo", Direction.SENT, at(startMs + 10), "<iq type='get' id='v1' to='localhost'>"
                        + "<query xmlns='jabber:iq:version'/></iq>"),
                new TranscriptEntry("Romeo", Direction.RECEIVED, at(startMs + 12), "<iq type='result' id='v1' "
                        + "from='localhost' to='romeo@localhost/r'/>"));
        return Results.script(file, Optional.empty(), "", List.of(), ScriptStatus.PASSED, at(startMs),
                Duration.ofMillis(14), Optional.empty(), steps, transcript, List.of(), Optional.empty());
    }

    static RunResult run(List<ScriptResult> scripts) {
        return new RunResult(scripts, List.of(), T0, Duration.ofMillis(3000));
    }
}
