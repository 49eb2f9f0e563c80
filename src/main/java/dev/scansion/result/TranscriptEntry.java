package dev.scansion.result;

import java.time.Instant;

/**
 * One element on an actor's stream after binding: what the script sent, or what the server sent
 * (as captured, when it arrived). Stream negotiation and SASL are never part of a transcript.
 * A stream end is recorded as a RECEIVED entry whose {@code xml} is the stream error or a
 * {@code <!-- comment -->} naming the reason.
 */
public record TranscriptEntry(String actor, Direction direction, Instant at, String xml) {
}
