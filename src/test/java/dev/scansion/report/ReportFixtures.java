package dev.scansion.report;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
import dev.scansion.script.Diagnostic;
import dev.scansion.script.ast.SourceSpan;

/** Hand-built results of every kind, at fixed times, for the report tests (no runner, no server). */
final class ReportFixtures {
    static final Instant T0 = Instant.parse("2025-05-01T10:00:00Z");
    static final RunInfo INFO = new RunInfo("1.2.3", Optional.of("127.0.0.1"), Optional.of(5222), "ci-host");

    private ReportFixtures() {
    }

    static Instant at(long ms) {
        return T0.plusMillis(ms);
    }

    static StepResult step(int n, String verb, String actor, int line, StepStatus status, long ms) {
        return Results.step(n, verb, actor, SourceSpan.of("specs/chat/hello.scs", line, 1), status,
                Duration.ofMillis(ms), Optional.empty(), status == StepStatus.PASSED && verb.equals("connects")
                ? List.of("bound " + actor.toLowerCase() + "@localhost/r") : List.of());
    }

    static ScriptResult passed() {
        List<StepResult> steps = List.of(step(1, "connects", "Romeo", 10, StepStatus.PASSED, 11),
                Results.step(2, "sends", "Romeo", SourceSpan.of("specs/chat/hello.scs", 12, 1), StepStatus.PASSED,
                        Duration.ofMillis(1), Optional.empty(), List.of(), new StepTiming(
                        Optional.of(Duration.ofNanos(250_000)), Optional.of(Duration.ofNanos(40_000)), Optional.empty())),
                step(3, "receives", "Romeo", 15, StepStatus.PASSED, 4),
                step(4, "disconnects", "Romeo", 18, StepStatus.PASSED, 2));
        List<TranscriptEntry> transcript = List.of(
                new TranscriptEntry("Romeo", Direction.SENT, at(12), "<iq type='get' id='v1'>\n\t<query xmlns='jabber:iq:version'/>\n</iq>"),
                new TranscriptEntry("Romeo", Direction.RECEIVED, at(15), "<iq type='result' id='v1' from='localhost'/>"));
        return Results.script("specs/chat/hello.scs", Optional.empty(), "Hello", List.of("chat", "status: stable"),
                ScriptStatus.PASSED, T0, Duration.ofMillis(1234), Optional.empty(), steps, transcript, List.of(),
                Optional.empty());
    }

    static Failure mismatch() {
        SourceSpan at = SourceSpan.of("specs/muc/roles.scs", 24, 3);
        Difference d = new Difference(SourceSpan.of("specs/muc/roles.scs", 25, 56), "/presence/x{muc#user}/item/@role",
                "attribute value differs", "visitor", "moderator");
        TranscriptEntry recent = new TranscriptEntry("Romeo", Direction.RECEIVED, at(30), "<iq id='x'/>");
        return Results.mismatch(at, "\t<presence from='room@conference.localhost/Romeo'>", Duration.ofSeconds(5),
                List.of(d), List.of("<presence from='room@conference.localhost/Romeo'><x/></presence>",
                        "<message type='groupchat'><subject/></message>"), List.of(recent));
    }

    static ScriptResult failed() {
        Failure f = mismatch();
        StepResult failedStep = Results.step(3, "receives", "Romeo", SourceSpan.of("specs/muc/roles.scs", 23, 1),
                StepStatus.FAILED, Duration.ofSeconds(5), Optional.of(f), List.of());
        List<StepResult> steps = List.of(
                Results.step(1, "connects", "Romeo", SourceSpan.of("specs/muc/roles.scs", 12, 1), StepStatus.PASSED,
                        Duration.ofMillis(10), Optional.empty(), List.of()),
                Results.step(2, "sends", "Romeo", SourceSpan.of("specs/muc/roles.scs", 14, 1), StepStatus.PASSED,
                        Duration.ofMillis(1), Optional.empty(), List.of()),
                failedStep,
                Results.step(4, "receives: nothing", "Romeo", SourceSpan.of("specs/muc/roles.scs", 30, 1),
                        StepStatus.NOT_RUN, Duration.ZERO, Optional.empty(), List.of()));
        List<TranscriptEntry> transcript = List.of(
                new TranscriptEntry("Romeo", Direction.SENT, at(20), "<presence to='room@conference.localhost/Romeo'/>"),
                new TranscriptEntry("Romeo", Direction.RECEIVED, at(25), "<presence from='room@conference.localhost/Romeo'><x/></presence>"));
        return Results.script("specs/muc/roles.scs", Optional.empty(), "MUC roles", List.of("muc"),
                ScriptStatus.FAILED, at(1300), Duration.ofMillis(5021), Optional.of(f), steps, transcript, List.of(),
                Optional.empty());
    }

    static ScriptResult unreachable() {
        SourceSpan at = SourceSpan.of("down.scs", 12, 1);
        Failure f = Results.unreachable(at, "Romeo connects", "cannot connect to 127.0.0.1:1: Connection refused");
        StepResult step = Results.step(1, "connects", "Romeo", at, StepStatus.ERROR, Duration.ofMillis(3),
                Optional.of(f), List.of());
        return Results.script("down.scs", Optional.empty(), "", List.of(), ScriptStatus.ERROR, at(7000),
                Duration.ofMillis(3), Optional.of(f), List.of(step), List.of(), List.of(), Optional.empty());
    }

    static ScriptResult invalid() {
        Diagnostic first = Diagnostic.error(SourceSpan.of("specs/broken.scs", 14, 1), "unknown actor 'Romeo2'",
                "Romeo2 sends:", 6, "not defined above the separator");
        Diagnostic second = Diagnostic.error(SourceSpan.of("specs/broken.scs", 20, 9), "unknown verb 'shouts'",
                "Juliet shouts", 6, "");
        Failure f = Results.invalid(first.span(), 2);
        return Results.script("specs/broken.scs", Optional.of(Path.of("specs/broken.scs")), "", List.of(),
                ScriptStatus.ERROR, at(7100), Duration.ZERO, Optional.of(f), List.of(), List.of(),
                List.of(first, second), Optional.empty());
    }

    static ScriptResult skipped() {
        return Results.script("specs/slow.scs", Optional.empty(), "Slow one", List.of("slow"), ScriptStatus.SKIPPED,
                at(7200), Duration.ZERO, Optional.empty(), List.of(), List.of(), List.of(),
                Optional.of("tagged slow (--skip-tags)"));
    }

    /** One script of every status, in run order. */
    static RunResult mixedRun() {
        return new RunResult(List.of(passed(), failed(), unreachable(), invalid(), skipped()), List.of(), T0,
                Duration.ofMillis(7300));
    }
}
