package dev.scansion.exec;

import java.util.List;
import java.util.Optional;

import dev.scansion.match.Difference;
import dev.scansion.script.ast.SourceSpan;

/**
 * Why a step (and so its script) did not pass: a value every report renders.
 *
 * @param kind        what kind of failure
 * @param message     one line, e.g. "no matching stanza within 5 s (3 set aside)"
 * @param at          the script position to point at: the step, or the expected element
 * @param sourceLine  the text of {@code at}'s line ("" when unknown)
 * @param differences the differences of the decisive comparison (the closest stanza set aside,
 *                    or the stanza that did not match in next mode); empty when none was compared
 * @param received    that compared stanza, raw, or an unexpected stanza for {@code receives: nothing}
 * @param setAside    the stanzas set aside by this step (skip mode), raw, in arrival order: the first
 *                    {@link Limits#SET_ASIDE_KEPT} of them (see {@link SetAsideLog})
 * @param recent      the actor's last few received elements before the failure, oldest first
 * @param setAsideCount how many stanzas this step set aside in all ({@code setAside} may keep fewer)
 *
 * <p>Every stanza text here is cut at {@link Limits#STANZA_CHARS} with {@code "… (N bytes)"}.
 */
public record Failure(Kind kind, String message, SourceSpan at, String sourceLine, List<Difference> differences,
                      Optional<String> received, List<String> setAside, List<TranscriptEntry> recent,
                      long setAsideCount) {
    public Failure {
        differences = List.copyOf(differences);
        setAside = List.copyOf(setAside);
        recent = List.copyOf(recent);
        setAsideCount = Math.max(setAsideCount, setAside.size());
    }

    /** A failure whose set-aside list is complete ({@code setAsideCount} is its size). */
    public Failure(Kind kind, String message, SourceSpan at, String sourceLine, List<Difference> differences,
                   Optional<String> received, List<String> setAside, List<TranscriptEntry> recent) {
        this(kind, message, at, sourceLine, differences, received, setAside, recent, setAside.size());
    }

    public enum Kind {
        /** A {@code receives} timed out after stanzas that did not match, or next mode met a wrong one. */
        MISMATCH,
        /** A {@code receives} timed out and nothing arrived at all. */
        TIMEOUT,
        /** {@code receives: nothing} got a stanza. */
        UNEXPECTED_STANZA,
        /** The server closed the actor's stream (stream error or close) before or during the step. */
        STREAM_CLOSED,
        /** The actor is not connected (never connected, or disconnected by the script). */
        NOT_CONNECTED,
        /** {@code connects} for an actor that is already connected. */
        ALREADY_CONNECTED,
        /** A {@code ${...}} has no value yet (a full JID before connecting, an unrecorded capture). */
        UNBOUND_VARIABLE,
        /** {@code connects} failed after reaching the server: TLS, authentication, binding. */
        CONNECT,
        /** The server could not be reached: a runtime error rather than a test failure. */
        UNREACHABLE,
        /** Writing a stanza failed. */
        SEND,
        /** The script does not parse; see the script's diagnostics. */
        INVALID_SCRIPT,
        /** A bug or unexpected runtime problem in the runner. */
        INTERNAL;

        /** Whether this is a runtime error (script status ERROR) rather than a test failure. */
        public boolean isError() {
            return this == UNREACHABLE || this == INVALID_SCRIPT || this == INTERNAL;
        }
    }

    /** A failure that compared nothing. */
    public static Failure of(Kind kind, String message, SourceSpan at, String sourceLine) {
        return new Failure(kind, message, at, sourceLine, List.of(), Optional.empty(), List.of(), List.of());
    }

    public Failure withRecent(List<TranscriptEntry> entries) {
        return new Failure(kind, message, at, sourceLine, differences, received, setAside, entries, setAsideCount);
    }
}
