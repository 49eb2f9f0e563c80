package dev.scansion.exec;

import dev.scansion.result.Direction;

/**
 * Receives the raw traffic of every connection, including stream negotiation, for {@code --verbose}.
 * SASL payloads are already redacted. Called from network threads: implementations must be
 * thread-safe, fast, and must not throw.
 */
@FunctionalInterface
public interface WireTap {
    WireTap NONE = (actor, direction, xml) -> {
    };

    void wire(String actor, Direction direction, String xml);
}
