package dev.scansion.result;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a step's time went, beyond its total duration (for {@code -v}, the JSON report and the
 * benchmarks).
 *
 * @param ordering  waiting, before acting, until the server had read another actor's last send or
 *                  closed a disconnected session (see the language doc, §4); connects, sends and
 *                  disconnects
 * @param toSocket  sends: from writing the first element to the last one handed to the socket
 * @param toVerdict receives: from the matching stanza's arrival on the socket (or the step's start,
 *                  when it had arrived before) to the verdict: buffering, waking up, parsing,
 *                  matching; for several elements, the last one
 */
public record StepTiming(Optional<Duration> ordering, Optional<Duration> toSocket, Optional<Duration> toVerdict) {
    public static final StepTiming NONE = new StepTiming(Optional.empty(), Optional.empty(), Optional.empty());
}
