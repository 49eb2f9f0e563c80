package dev.scansion.exec;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.scansion.result.StepTiming;

/** Collects one step's {@link StepTiming} while it runs; reset at each step. */
final class StepClock {
    private Instant started = Instant.EPOCH;
    private Optional<Duration> ordering = Optional.empty();
    private Optional<Duration> toSocket = Optional.empty();
    private Optional<Duration> toVerdict = Optional.empty();

    void start() {
        started = Instant.now();
        ordering = Optional.empty();
        toSocket = Optional.empty();
        toVerdict = Optional.empty();
    }

    void ordering(long nanos) {
        ordering = Optional.of(Duration.ofNanos(nanos));
    }

    void toSocket(long nanos) {
        toSocket = Optional.of(Duration.ofNanos(nanos));
    }

    /** A verdict now on a stanza that arrived at {@code arrived}. */
    void verdict(Instant arrived) {
        Instant from = arrived.isAfter(started) ? arrived : started;
        toVerdict = Optional.of(Duration.between(from, Instant.now()));
    }

    StepTiming timing() {
        return new StepTiming(ordering, toSocket, toVerdict);
    }
}
