package dev.scansion.exec;

import java.time.Instant;

/** Something the server sent an actor, in arrival order: a top-level element, or the end of the stream. */
public sealed interface Inbound permits Inbound.Stanza, Inbound.StreamError, Inbound.Closed {
    Instant at();

    /** A top-level element (message, presence, iq, or anything else) exactly as the server wrote it. */
    record Stanza(String raw, Instant at) implements Inbound {
    }

    /** A {@code <stream:error/>}: the stream is over. {@code text} is "" when the server gave none. */
    record StreamError(String condition, String text, String raw, Instant at) implements Inbound {
    }

    /** The stream ended without a stream error: the server closed it, or the connection was lost. */
    record Closed(String reason, Instant at) implements Inbound {
    }

    /** Whether this item ends the stream (nothing can follow it). */
    default boolean terminal() {
        return !(this instanceof Stanza);
    }

    /** One line naming why the stream ended, for failure messages; "" for a stanza. */
    default String describe() {
        if (this instanceof StreamError e) {
            return "stream error <" + e.condition() + "/>" + (e.text().isEmpty() ? "" : ": " + e.text());
        }
        return this instanceof Closed c ? c.reason() : "";
    }
}
