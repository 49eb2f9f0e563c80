package dev.scansion.report.html;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.scansion.result.Direction;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.StepResult;
import dev.scansion.result.TranscriptEntry;

/**
 * When each step started, and which step sent or took each transcript entry. A step's start is
 * recorded by the runner ({@link StepResult#startedAt}); for results without it (older or made by
 * hand), steps run one after another, so a step starts when the ones before it have taken their
 * time, and later where the transcript shows it must have (time passes between steps too:
 * listeners, bookkeeping): a {@code sends} cannot end before it wrote, a {@code receives} before
 * what it took arrived.
 *
 * <p>Entries go to their actor's steps in order, without hanging on clock precision: every
 * {@code sends} that passed wrote at least one element and every {@code receives} that passed took
 * at least one stanza (its match); a step takes more only while they came within its time and
 * enough are left for the later steps of its kind. Received stanzas no step took stay unassigned.
 *
 * @param starts  step number to start
 * @param steps   index of a transcript entry to the step that sent or took it
 */
record Schedule(Map<Integer, Instant> starts, Map<Integer, StepResult> steps) {
    private static final Duration SLACK = Duration.ofMillis(2);

    static Schedule of(ScriptResult r) {
        Map<String, List<Integer>> queues = new HashMap<>();
        List<TranscriptEntry> entries = r.transcript();
        for (int i = 0; i < entries.size(); i++) queues.computeIfAbsent(key(entries.get(i)), k -> new ArrayList<>()).add(i);
        Map<String, Integer> left = new HashMap<>();
        for (StepResult s : r.steps()) kind(s).filter(k -> mustTake(s)).ifPresent(k -> left.merge(k, 1, Integer::sum));
        Map<String, Integer> next = new HashMap<>();
        Map<Integer, Instant> starts = new HashMap<>();
        Map<Integer, StepResult> owners = new HashMap<>();
        Instant t = r.startedAt();
        for (StepResult s : r.steps()) {
            Instant start = s.startedAt().orElse(t);
            Optional<String> kind = kind(s);
            if (kind.isPresent() && s.status() != StepResult.StepStatus.NOT_RUN) {
                List<Integer> queue = queues.getOrDefault(kind.get(), List.of());
                int i = next.getOrDefault(kind.get(), 0);
                int later = mustTake(s) ? left.merge(kind.get(), -1, Integer::sum) : left.getOrDefault(kind.get(), 0);
                if (mustTake(s) && i < queue.size()) {
                    Instant first = entries.get(queue.get(i)).at();
                    if (s.startedAt().isEmpty() && first.isAfter(start.plus(s.duration()))) start = latest(s, first);
                    owners.put(queue.get(i++), s);
                }
                // A recorded start makes the end exact: what arrived after it belongs to a later step.
                Instant end = start.plus(s.duration()).plus(s.startedAt().isPresent() ? Duration.ZERO : SLACK);
                while (i < queue.size() && queue.size() - i > later && !entries.get(queue.get(i)).at().isAfter(end)) {
                    owners.put(queue.get(i++), s);
                }
                next.put(kind.get(), i);
            }
            starts.put(s.number(), start);
            t = start.plus(s.duration());
        }
        return new Schedule(starts, owners);
    }

    /** The latest a step can have started, given that its first entry was written or arrived at {@code first}. */
    private static Instant latest(StepResult s, Instant first) {
        return s.verb().equals("sends") ? first.minus(s.timing().ordering().orElse(Duration.ZERO)) : first.minus(s.duration());
    }

    /** The queue a step sends to or takes from: the actor's sent or received entries; empty for other steps. */
    private static Optional<String> kind(StepResult s) {
        if (s.verb().equals("sends")) return Optional.of(s.actor() + "\u0000" + Direction.SENT);
        if (s.verb().startsWith("receives")) return Optional.of(s.actor() + "\u0000" + Direction.RECEIVED);
        return Optional.empty();
    }

    private static String key(TranscriptEntry e) {
        return e.actor() + "\u0000" + e.direction();
    }

    /** A sends or a receives (not "nothing") that passed wrote or took at least one element. */
    private static boolean mustTake(StepResult s) {
        return s.status() == StepResult.StepStatus.PASSED && (s.verb().equals("sends") || s.verb().equals("receives"));
    }

    Instant start(StepResult s) {
        return starts.get(s.number());
    }

    Optional<StepResult> step(int entry) {
        return Optional.ofNullable(steps.get(entry));
    }
}
