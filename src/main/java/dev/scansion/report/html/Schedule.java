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
 * When each step started, and which {@code sends} wrote each sent element. The result model gives a
 * step its duration, not its start; steps run one after another, so a step starts when the ones
 * before it have taken their time, and later where the transcript shows a {@code sends} wrote its
 * first element after the step would have ended (time passes between steps too: listeners,
 * bookkeeping). Sent elements go to their actor's {@code sends} steps in order: every step that
 * passed wrote at least one, and a step takes more only while they were written within its time
 * and enough are left for the steps after it. So the mapping does not hang on clock precision.
 *
 * @param starts  step number to start
 * @param senders index of a SENT transcript entry to the step that wrote it
 */
record Schedule(Map<Integer, Instant> starts, Map<Integer, StepResult> senders) {
    static Schedule of(ScriptResult r) {
        Map<String, List<Integer>> sent = new HashMap<>();
        List<TranscriptEntry> entries = r.transcript();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).direction() == Direction.SENT) {
                sent.computeIfAbsent(entries.get(i).actor(), a -> new ArrayList<>()).add(i);
            }
        }
        Map<String, Integer> sendsLeft = new HashMap<>();
        for (StepResult s : r.steps()) {
            if (writes(s)) sendsLeft.merge(s.actor(), 1, Integer::sum);
        }
        Map<String, Integer> next = new HashMap<>();
        Map<Integer, Instant> starts = new HashMap<>();
        Map<Integer, StepResult> senders = new HashMap<>();
        Instant t = r.startedAt();
        for (StepResult s : r.steps()) {
            Instant start = t;
            List<Integer> mine = sent.getOrDefault(s.actor(), List.of());
            int i = next.getOrDefault(s.actor(), 0);
            if (writes(s) && i < mine.size()) {
                int left = sendsLeft.merge(s.actor(), -1, Integer::sum);
                Instant written = entries.get(mine.get(i)).at().minus(s.timing().ordering().orElse(Duration.ZERO));
                if (written.isAfter(start.plus(s.duration()))) start = written;
                Instant end = start.plus(s.duration()).plusMillis(1);
                senders.put(mine.get(i++), s);
                while (i < mine.size() && mine.size() - i > left && !entries.get(mine.get(i)).at().isAfter(end)) {
                    senders.put(mine.get(i++), s);
                }
                next.put(s.actor(), i);
            }
            starts.put(s.number(), start);
            t = start.plus(s.duration());
        }
        return new Schedule(starts, senders);
    }

    private static boolean writes(StepResult s) {
        return s.verb().equals("sends") && s.status() == StepResult.StepStatus.PASSED;
    }

    Instant start(StepResult s) {
        return starts.get(s.number());
    }

    Optional<StepResult> sender(int entry) {
        return Optional.ofNullable(senders.get(entry));
    }
}
