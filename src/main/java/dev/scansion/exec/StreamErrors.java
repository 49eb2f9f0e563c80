package dev.scansion.exec;

import java.time.Instant;
import java.util.Optional;

import dev.scansion.wire.StreamError;

/** A captured {@code <stream:error/>} as an inbound item (the parsing is {@link StreamError}'s). */
final class StreamErrors {
    private StreamErrors() {
    }

    /**
     * The stream error, if {@code raw} is one. {@code streamPrefix} is the prefix the server bound
     * to the streams namespace in its stream header (usually "stream").
     */
    static Optional<Inbound.StreamError> parse(String raw, String streamPrefix, Instant at) {
        return StreamError.parse(raw, streamPrefix).map(e -> new Inbound.StreamError(e.condition(), e.text(), raw, at));
    }
}
