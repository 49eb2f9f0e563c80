package dev.scansion.report.html;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.scansion.report.FailureMessages;
import dev.scansion.result.Direction;
import dev.scansion.result.Failure;
import dev.scansion.result.Reason;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.StepResult;
import dev.scansion.result.TranscriptEntry;
import dev.scansion.text.Durations;

/**
 * A script's conversation as events in time, for the sequence diagram: the transcript's stanzas as
 * arrows (each tied to the step that sent or took it), connects and disconnects as marks,
 * {@code receives: nothing} as a quiet window, the failing step in red.
 *
 * <p>When steps started and which step sent or took each stanza: {@link Schedule}. A received
 * stanza no step took is shown as set aside, as are those the failing step set aside.
 *
 * @param actors  lifelines, in order of appearance
 * @param lanes   server lanes: the server, then components stanzas were addressed to
 * @param events  in time order
 * @param stanzas the transcript entries shown, at most {@link #MAX_STANZAS}
 * @param omitted transcript entries left out of the diagram and the list
 */
record Timeline(List<String> actors, List<String> lanes, List<Event> events, List<Stanza> stanzas, int omitted) {
    /** Stanzas drawn per script: a page must open fast whatever the transcript holds. */
    static final int MAX_STANZAS = 400;
    /** Server lanes besides the server: more would make the diagram wider than it helps. */
    static final int MAX_COMPONENTS = 4;
    static final String SERVER = "server";

    enum Tone { NORMAL, ASIDE, FAILED }

    /** One transcript entry as shown: {@code id} is its anchor number. */
    record Stanza(int id, TranscriptEntry entry, Optional<StepResult> step, Tone tone, String lane) {
    }

    sealed interface Event permits Arrow, Mark, Quiet {
        Instant at();

        /** Anchor the event leads to ({@code s12}, {@code step-3}, {@code failure}). */
        String target();
    }

    record Arrow(Instant at, String actor, Direction direction, String lane, Tone tone, String label, String target)
            implements Event {
    }

    enum MarkKind { CONNECT, DISCONNECT, STREAM_END, FAILED, SKIPPED }

    record Mark(Instant at, String actor, MarkKind kind, String label, String target) implements Event {
    }

    record Quiet(Instant at, Duration length, String actor, Tone tone, String label, String target) implements Event {
    }

    static Timeline of(ScriptResult r) {
        Schedule schedule = Schedule.of(r);
        List<TranscriptEntry> entries = r.transcript();
        int shown = Math.min(entries.size(), MAX_STANZAS);
        Lanes lanes = Lanes.of(entries.subList(0, shown), MAX_COMPONENTS);
        List<Stanza> stanzas = stanzas(r, entries.subList(0, shown), schedule, lanes);
        List<Event> events = new ArrayList<>();
        for (StepResult s : r.steps()) stepEvents(r, s, schedule.start(s), events);
        for (Stanza s : stanzas) events.add(arrowOrEnd(s));
        // stable: at equal times a step's mark comes before its stanzas
        events.sort(Comparator.comparing(Event::at));
        Set<String> actors = new LinkedHashSet<>();
        r.steps().forEach(s -> actors.add(s.actor()));
        entries.forEach(e -> actors.add(e.actor()));
        return new Timeline(List.copyOf(actors), lanes.names(), events, stanzas, entries.size() - shown);
    }

    private static List<Stanza> stanzas(ScriptResult r, List<TranscriptEntry> entries, Schedule schedule, Lanes lanes) {
        Optional<Failure> failure = r.failure();
        List<String> aside = failure.map(f -> f.setAside().kept()).orElse(List.of());
        Optional<String> compared = failure.flatMap(Failure::received);
        Optional<StepResult> failed = r.failedStep();
        List<Stanza> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            TranscriptEntry e = entries.get(i);
            Optional<StepResult> step = schedule.step(i);
            Tone tone = Tone.NORMAL;
            if (e.direction() == Direction.RECEIVED && step.isEmpty()) tone = Tone.ASIDE;
            if (step.isPresent() && failed.isPresent() && step.get().number() == failed.get().number()) {
                if (compared.isPresent() && compared.get().equals(e.xml())) tone = Tone.FAILED;
                else if (aside.contains(e.xml())) tone = Tone.ASIDE;
            }
            out.add(new Stanza(i + 1, e, step, tone, lanes.of(e)));
        }
        return out;
    }

    private static Event arrowOrEnd(Stanza s) {
        TranscriptEntry e = s.entry();
        String target = "s" + s.id();
        String xml = e.xml().strip();
        if (e.direction() == Direction.RECEIVED && (xml.startsWith("<!--") || xml.startsWith("<stream:error"))) {
            return new Mark(e.at(), e.actor(), MarkKind.STREAM_END, "stream ended", target);
        }
        return new Arrow(e.at(), e.actor(), e.direction(), s.lane(), s.tone(), StanzaText.label(xml), target);
    }

    private static void stepEvents(ScriptResult r, StepResult s, Instant start, List<Event> out) {
        String target = "step-" + s.number();
        switch (s.status()) {
            case NOT_RUN -> {
                return;
            }
            case SKIPPED -> out.add(new Mark(start, s.actor(), MarkKind.SKIPPED, s.verb() + " skipped", target));
            default -> {
            }
        }
        Instant end = start.plus(s.duration());
        if (s.verb().equals("connects") && s.failure().isEmpty()) {
            out.add(new Mark(start, s.actor(), MarkKind.CONNECT, "connects", target));
        } else if (s.verb().equals("disconnects") && s.failure().isEmpty()) {
            out.add(new Mark(start, s.actor(), MarkKind.DISCONNECT, "disconnects", target));
        } else if (s.verb().equals("receives: nothing")) {
            Tone tone = s.failure().isPresent() ? Tone.FAILED : Tone.NORMAL;
            out.add(new Quiet(start, s.duration(), s.actor(), tone, "nothing for " + Durations.format(s.duration()),
                    target));
        }
        s.failure().ifPresent(f -> out.add(failed(s, f, end)));
    }

    /** The failing step: a red arrow where a stanza was awaited or sent, a red mark otherwise. */
    private static Event failed(StepResult s, Failure f, Instant end) {
        String label = FailureMessages.of(f);
        if (s.verb().equals("receives") && !(f.reason() instanceof Reason.StreamClosed)) {
            return new Arrow(end, s.actor(), Direction.RECEIVED, SERVER, Tone.FAILED, label, "failure");
        }
        if (s.verb().equals("sends")) return new Arrow(end, s.actor(), Direction.SENT, SERVER, Tone.FAILED, label, "failure");
        return new Mark(end, s.actor(), MarkKind.FAILED, label, "failure");
    }
}
