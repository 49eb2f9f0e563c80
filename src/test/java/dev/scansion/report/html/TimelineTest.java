package dev.scansion.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.scansion.result.Direction;
import dev.scansion.result.Results;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.ScriptResult.ScriptStatus;
import dev.scansion.result.StepResult;
import dev.scansion.result.StepResult.StepStatus;
import dev.scansion.result.TranscriptEntry;
import dev.scansion.script.ast.SourceSpan;

class TimelineTest {
    /**
     * Time passes between steps too, so the sum of the steps' durations runs behind the clock:
     * a send written at +140 ms must still come before the disconnect that followed it.
     */
    @Test
    void stepsFollowTheTranscriptWhenTimePassedBetweenThem() {
        ScriptResult r = Results.script("x.scs", Optional.empty(), "", List.of(), ScriptStatus.PASSED,
                HtmlFixtures.T0, Duration.ofMillis(150), Optional.empty(), List.of(
                        Results.step(1, "connects", "Romeo", SourceSpan.of("x.scs", 5, 1), StepStatus.PASSED,
                                Duration.ofMillis(10), Optional.empty(), List.of()),
                        Results.step(2, "sends", "Romeo", SourceSpan.of("x.scs", 7, 1), StepStatus.PASSED,
                                Duration.ofMillis(1), Optional.empty(), List.of()),
                        Results.step(3, "disconnects", "Romeo", SourceSpan.of("x.scs", 9, 1), StepStatus.PASSED,
                                Duration.ofMillis(2), Optional.empty(), List.of())),
                List.of(new TranscriptEntry("Romeo", Direction.SENT, HtmlFixtures.at(140), "<presence/>")),
                List.of(), Optional.empty());
        List<String> order = Timeline.of(r).events().stream().map(Timeline.Event::target).toList();
        assertEquals(List.of("step-1", "s1", "step-3"), order);
        assertEquals("step 2", Timeline.of(r).stanzas().get(0).step().map(s -> "step " + s.number()).orElse(""));
    }

    /** Each {@code sends} that passed wrote something: clocks that disagree by a few ms must not move an element. */
    @Test
    void sentElementsGoToTheirSendsInOrderWhateverTheClocks() {
        ScriptResult r = Results.script("x.scs", Optional.empty(), "", List.of(), ScriptStatus.PASSED,
                HtmlFixtures.T0, Duration.ofMillis(20), Optional.empty(), List.of(
                        Results.step(1, "sends", "Romeo", SourceSpan.of("x.scs", 5, 1), StepStatus.PASSED,
                                Duration.ofMillis(10), Optional.empty(), List.of()),
                        Results.step(2, "sends", "Romeo", SourceSpan.of("x.scs", 7, 1), StepStatus.PASSED,
                                Duration.ofMillis(1), Optional.empty(), List.of())),
                List.of(new TranscriptEntry("Romeo", Direction.SENT, HtmlFixtures.at(5), "<a/>"),
                        new TranscriptEntry("Romeo", Direction.SENT, HtmlFixtures.at(8), "<b/>")),
                List.of(), Optional.empty());
        assertEquals(List.of(1, 2), Timeline.of(r).stanzas().stream().map(s -> s.step().orElseThrow().number()).toList());
    }

    /** A receive ends after what it took arrived, even when the durations before it run behind the clock. */
    @Test
    void receivedStanzasGoToTheirReceivesInOrder() {
        ScriptResult r = Results.script("x.scs", Optional.empty(), "", List.of(), ScriptStatus.PASSED,
                HtmlFixtures.T0, Duration.ofMillis(60), Optional.empty(), List.of(
                        Results.step(1, "receives", "Romeo", SourceSpan.of("x.scs", 5, 1), StepStatus.PASSED,
                                Duration.ofMillis(10), Optional.empty(), List.of()),
                        Results.step(2, "receives", "Romeo", SourceSpan.of("x.scs", 7, 1), StepStatus.PASSED,
                                Duration.ofMillis(1), Optional.empty(), List.of())),
                List.of(new TranscriptEntry("Romeo", Direction.RECEIVED, HtmlFixtures.at(40), "<a/>"),
                        new TranscriptEntry("Romeo", Direction.RECEIVED, HtmlFixtures.at(41), "<b/>")),
                List.of(), Optional.empty());
        assertEquals(List.of(1, 2), Timeline.of(r).stanzas().stream().map(s -> s.step().orElseThrow().number()).toList());
    }

    /**
     * With the steps' recorded starts, a stanza that arrived just after a passed receive ended (the
     * other actor's next send was quick) belongs to the failing receive after it, not to the one
     * before: without them, the 2 ms of slack took it into the earlier step.
     */
    @Test
    void recordedStartsKeepALateStanzaOutOfTheReceiveBeforeIt() {
        ScriptResult r = Results.script("x.scs", Optional.empty(), "", List.of(), ScriptStatus.FAILED,
                HtmlFixtures.T0, Duration.ofMillis(70), Optional.of(Results.mismatch(SourceSpan.of("x.scs", 9, 1),
                        "Juliet receives:", Duration.ofMillis(50), List.of(), List.of("<m2/>"), List.of())), List.of(
                        startedAt(Results.step(1, "receives", "Juliet", SourceSpan.of("x.scs", 5, 1),
                                StepStatus.PASSED, Duration.ofMillis(1), Optional.empty(), List.of()), 10_000),
                        startedAt(Results.step(2, "sends", "Romeo", SourceSpan.of("x.scs", 7, 1),
                                StepStatus.PASSED, Duration.ofMillis(1), Optional.empty(), List.of()), 11_100),
                        startedAt(Results.step(3, "receives", "Juliet", SourceSpan.of("x.scs", 9, 1),
                                StepStatus.FAILED, Duration.ofMillis(50), Optional.of(Results.mismatch(
                                        SourceSpan.of("x.scs", 9, 1), "Juliet receives:", Duration.ofMillis(50),
                                        List.of(), List.of("<m2/>"), List.of())), List.of()), 12_200)),
                List.of(new TranscriptEntry("Juliet", Direction.RECEIVED, micros(10_500), "<m1/>"),
                        new TranscriptEntry("Romeo", Direction.SENT, micros(11_200), "<m2/>"),
                        new TranscriptEntry("Juliet", Direction.RECEIVED, micros(11_900), "<m2/>")),
                List.of(), Optional.empty());
        assertEquals(List.of(1, 2, 3), Timeline.of(r).stanzas().stream()
                .map(s -> s.step().map(StepResult::number).orElse(0)).toList());
    }

    private static StepResult startedAt(StepResult s, long micros) {
        return new StepResult(s.number(), s.verb(), s.actor(), s.span(), s.outcome(), s.duration(), s.timing(),
                Optional.of(micros(micros)));
    }

    private static java.time.Instant micros(long micros) {
        return HtmlFixtures.T0.plusNanos(micros * 1000);
    }

    @Test
    void aStanzaNoStepTookIsSetAside() {
        ScriptResult r = HtmlFixtures.passed("y.scs", 0);
        ScriptResult late = Results.script("y.scs", Optional.empty(), "", List.of(), ScriptStatus.PASSED, r.startedAt(),
                r.duration(), Optional.empty(), r.steps(), List.of(r.transcript().get(0), r.transcript().get(1),
                        new TranscriptEntry("Romeo", Direction.RECEIVED, HtmlFixtures.at(900), "<message/>")),
                List.of(), Optional.empty());
        List<Timeline.Tone> tones = Timeline.of(late).stanzas().stream().map(Timeline.Stanza::tone).toList();
        assertEquals(List.of(Timeline.Tone.NORMAL, Timeline.Tone.NORMAL, Timeline.Tone.ASIDE), tones);
    }
}
