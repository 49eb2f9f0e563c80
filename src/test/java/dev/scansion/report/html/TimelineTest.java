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
