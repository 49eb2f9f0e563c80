package dev.scansion.result;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.scansion.match.Difference;
import dev.scansion.script.SecretMask;
import dev.scansion.script.ast.SourceSpan;

/** What went wrong in a failed step, with the facts of its kind (see {@link Failure}). */
public sealed interface Reason {
    Failure.Kind kind();

    /** The same facts with secrets masked. */
    Reason masked(SecretMask mask);

    /** The candidate the report compares with the expectation, when there is one. */
    default Optional<Candidate> compared() {
        return Optional.empty();
    }

    /**
     * Which expected element of a {@code receives} was being waited for.
     *
     * @param index 0-based among the step's payload elements
     * @param of    how many elements the step expects
     */
    record Expected(SourceSpan span, int index, int of) {
    }

    /** A received stanza compared with the expected element, and how it differs. */
    record Candidate(String stanza, List<Difference> differences) {
        public Candidate {
            differences = List.copyOf(differences);
        }

        Candidate masked(SecretMask mask) {
            return new Candidate(mask.xml(stanza), differences.stream().map(d -> new Difference(d.expectedAt(),
                    d.path(), d.reason(), mask.value(d.expected()), mask.value(d.received()))).toList());
        }
    }

    /**
     * The stanzas a {@code receives} set aside (skip mode), as kept for the report: the first ones
     * in arrival order, and how many there were in all (more may have arrived than are kept).
     */
    record SetAside(List<String> kept, long total) {
        public static final SetAside NONE = new SetAside(List.of(), 0);

        public SetAside {
            kept = List.copyOf(kept);
            if (total < kept.size()) throw new IllegalArgumentException("total < kept");
        }

        public static SetAside of(List<String> all) {
            return new SetAside(all, all.size());
        }

        public boolean isEmpty() {
            return total == 0;
        }

        SetAside masked(SecretMask mask) {
            return new SetAside(kept.stream().map(mask::xml).toList(), total);
        }
    }

    /**
     * Stanzas a full buffer dropped unread while the step waited (a flooding server): how many,
     * and whose buffer. {@code count} 0 when none.
     */
    record Dropped(String actor, long count) {
        public static Dropped none(String actor) {
            return new Dropped(actor, 0);
        }
    }

    /**
     * Skip mode: the step's time ran out after stanzas that did not match. {@code candidates} are
     * the few closest of those explained, closest first (at least one); {@code setAside} every
     * stanza set aside, as kept.
     */
    record NoMatch(Expected expected, Duration waited, List<Candidate> candidates, SetAside setAside,
                   Dropped dropped) implements Reason {
        public NoMatch {
            candidates = List.copyOf(candidates);
            if (candidates.isEmpty()) throw new IllegalArgumentException("no candidate");
        }

        /** The candidate that differs least: the one reports compare with the expectation. */
        public Candidate closest() {
            return candidates.get(0);
        }

        public Failure.Kind kind() {
            return Failure.Kind.MISMATCH;
        }

        public Reason masked(SecretMask mask) {
            return new NoMatch(expected, waited, candidates.stream().map(c -> c.masked(mask)).toList(),
                    setAside.masked(mask), dropped);
        }

        @Override
        public Optional<Candidate> compared() {
            return Optional.of(closest());
        }
    }

    /** Next mode: the next stanza did not match. */
    record NextMismatch(Expected expected, Candidate received) implements Reason {
        public Failure.Kind kind() {
            return Failure.Kind.MISMATCH;
        }

        public Reason masked(SecretMask mask) {
            return new NextMismatch(expected, received.masked(mask));
        }

        @Override
        public Optional<Candidate> compared() {
            return Optional.of(received);
        }
    }

    /** The step's time ran out and nothing arrived at all. */
    record NothingArrived(Expected expected, Duration waited, Dropped dropped) implements Reason {
        public Failure.Kind kind() {
            return Failure.Kind.TIMEOUT;
        }

        public Reason masked(SecretMask mask) {
            return this;
        }
    }

    /** {@code receives: nothing} got {@code stanza}. */
    record Unexpected(String stanza) implements Reason {
        public Failure.Kind kind() {
            return Failure.Kind.UNEXPECTED_STANZA;
        }

        public Reason masked(SecretMask mask) {
            return new Unexpected(mask.xml(stanza));
        }
    }

    /**
     * The server ended {@code actor}'s stream.
     *
     * @param expected    the element being waited for, when the stream ended during a {@code receives}
     * @param end         why, in one line ("stream error &lt;conflict/&gt;: text", "connection reset")
     * @param streamError the stream error as received, when there was one
     */
    record StreamClosed(String actor, Optional<Expected> expected, String end, Optional<String> streamError,
                        SetAside setAside) implements Reason {
        public Failure.Kind kind() {
            return Failure.Kind.STREAM_CLOSED;
        }

        public Reason masked(SecretMask mask) {
            return new StreamClosed(actor, expected, mask.prose(end), streamError.map(mask::xml),
                    setAside.masked(mask));
        }
    }

    /** {@code actor} sends or receives without a session: never connected, or disconnected by the script. */
    record NotConnected(String actor, boolean disconnected) implements Reason {
        public Failure.Kind kind() {
            return Failure.Kind.NOT_CONNECTED;
        }

        public Reason masked(SecretMask mask) {
            return this;
        }
    }

    record AlreadyConnected(String actor) implements Reason {
        public Failure.Kind kind() {
            return Failure.Kind.ALREADY_CONNECTED;
        }

        public Reason masked(SecretMask mask) {
            return this;
        }
    }

    /** A {@code ${...}} has no value yet; {@code explanation} says which and why. */
    record Unbound(String explanation) implements Reason {
        public Failure.Kind kind() {
            return Failure.Kind.UNBOUND_VARIABLE;
        }

        public Reason masked(SecretMask mask) {
            return new Unbound(mask.prose(explanation));
        }
    }

    /**
     * {@code connects} did not give a session.
     *
     * @param contact how far the connection got with the server
     * @param reason  the connection's own account, in one line
     */
    record ConnectFailed(Contact contact, String reason) implements Reason {
        /** How far a failed connection got; all but {@link #ANSWERED} affect every script of a run. */
        public enum Contact {
            /** No TCP connection: refused, unresolvable host, connect timeout. */
            UNREACHABLE,
            /**
             * TCP connected and our stream header was written, but no XMPP came back: the server
             * stayed mute, or sent something that is not an XMPP stream.
             */
            NO_STREAM,
            /** The server answered the stream; a later stage failed (TLS, authentication, binding). */
            ANSWERED
        }

        public ConnectFailed {
            java.util.Objects.requireNonNull(contact);
        }

        public ConnectFailed(boolean reachable, String reason) {
            this(reachable ? Contact.ANSWERED : Contact.UNREACHABLE, reason);
        }

        /** Whether a TCP connection was made. */
        public boolean reachable() {
            return contact != Contact.UNREACHABLE;
        }

        /**
         * Whether the failure is the server's, not this script's: no later script could connect
         * either (a runtime error, {@code unreachable}; the run stops after it).
         */
        public boolean affectsEveryScript() {
            return contact != Contact.ANSWERED;
        }

        public Failure.Kind kind() {
            return affectsEveryScript() ? Failure.Kind.UNREACHABLE : Failure.Kind.CONNECT;
        }

        public Reason masked(SecretMask mask) {
            return new ConnectFailed(contact, mask.prose(reason));
        }
    }

    /** Writing a stanza failed; {@code closed} when because the stream had ended. */
    record SendFailed(boolean closed, String reason) implements Reason {
        public Failure.Kind kind() {
            return closed ? Failure.Kind.STREAM_CLOSED : Failure.Kind.SEND;
        }

        public Reason masked(SecretMask mask) {
            return new SendFailed(closed, mask.prose(reason));
        }
    }

    /**
     * The script cannot be run: it does not parse, or cannot be read or decoded; the script's
     * diagnostics say where ({@code errors} of them are errors).
     */
    record InvalidScript(int errors) implements Reason {
        public Failure.Kind kind() {
            return Failure.Kind.INVALID_SCRIPT;
        }

        public Reason masked(SecretMask mask) {
            return this;
        }
    }

    /** A problem of the runner itself; {@code detail} in one line. */
    record Internal(String detail) implements Reason {
        public Failure.Kind kind() {
            return Failure.Kind.INTERNAL;
        }

        public Reason masked(SecretMask mask) {
            return new Internal(mask.prose(detail));
        }
    }

    /** The run was stopped while the step ran. */
    record Interrupted() implements Reason {
        public Failure.Kind kind() {
            return Failure.Kind.INTERRUPTED;
        }

        public Reason masked(SecretMask mask) {
            return this;
        }
    }
}
