package dev.scansion.result;

import java.util.List;
import java.util.Optional;

import dev.scansion.match.Difference;
import dev.scansion.script.SecretMask;
import dev.scansion.script.ast.SourceSpan;

/**
 * Why a step (and so its script) did not pass, as data: where, what kind, and the kind's own
 * facts ({@link Reason}): the expected element, the candidate stanzas with their differences, the
 * closest one, the stream's end... The words are the reporters' ({@code report.FailureMessages}).
 *
 * @param at         the script position to point at: the step, or the expected element
 * @param sourceLine the text of {@code at}'s line ("" when unknown)
 * @param reason     what went wrong, with its facts
 * @param recent     the actor's last few received elements before the failure, oldest first
 */
public record Failure(SourceSpan at, String sourceLine, Reason reason, List<TranscriptEntry> recent) {
    public Failure {
        java.util.Objects.requireNonNull(at);
        java.util.Objects.requireNonNull(reason);
        sourceLine = sourceLine == null ? "" : sourceLine;
        recent = List.copyOf(recent);
    }

    public Failure(SourceSpan at, String sourceLine, Reason reason) {
        this(at, sourceLine, reason, List.of());
    }

    /** The kinds, as reports name them ({@code mismatch}, {@code unreachable}...). */
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
        /**
         * The server could not be reached, or accepted the connection but never answered with an
         * XMPP stream (mute, or not XMPP): a runtime error rather than a test failure.
         */
        UNREACHABLE,
        /** Writing a stanza failed. */
        SEND,
        /** The script does not parse or cannot be read; see the script's diagnostics. */
        INVALID_SCRIPT,
        /** A bug or unexpected runtime problem in the runner. */
        INTERNAL,
        /** The run was stopped (a signal) while this step ran; the script's status is INTERRUPTED. */
        INTERRUPTED;

        /** Whether this is a runtime error (script status ERROR) rather than a test failure. */
        public boolean isError() {
            return this == UNREACHABLE || this == INVALID_SCRIPT || this == INTERNAL || this == INTERRUPTED;
        }
    }

    public Kind kind() {
        return reason.kind();
    }

    /** The differences of the decisive comparison (the closest candidate); empty when none was compared. */
    public List<Difference> differences() {
        return reason.compared().map(Reason.Candidate::differences).orElse(List.of());
    }

    /**
     * The stanza the report shows whole: the closest candidate, the one {@code receives: nothing}
     * got, or the stream error that ended the stream.
     */
    public Optional<String> received() {
        if (reason instanceof Reason.Unexpected u) return Optional.of(u.stanza());
        if (reason instanceof Reason.StreamClosed c) return c.streamError();
        return reason.compared().map(Reason.Candidate::stanza);
    }

    /** The stanzas set aside by the step, as kept for the report (see {@link Reason.SetAside}). */
    public Reason.SetAside setAside() {
        if (reason instanceof Reason.NoMatch m) return m.setAside();
        if (reason instanceof Reason.StreamClosed c) return c.setAside();
        return Reason.SetAside.NONE;
    }

    /**
     * A copy with secrets masked: stanzas as XML, values as values, the source line as script
     * text, words from servers and libraries as such. {@code recent} comes from the transcript,
     * which is masked already.
     */
    public Failure masked(SecretMask mask) {
        if (mask.isEmpty()) return this;
        return new Failure(at, mask.sourceLine(sourceLine), reason.masked(mask), recent);
    }

    public Failure withRecent(List<TranscriptEntry> entries) {
        return new Failure(at, sourceLine, reason, entries);
    }
}
