package dev.scansion.exec;

import dev.scansion.result.Direction;
import dev.scansion.result.Reason.ConnectFailed.Contact;

/**
 * Passes one connection's traffic on to the run's tap, noting whether we wrote anything and
 * whether the server ever answered with XMPP. A failed connect that wrote its stream header and got
 * no element back met a server that is mute or not XMPP: no other script can connect either
 * (issue 13), unlike a refused login, which is this script's own.
 */
final class StreamWatch implements WireTap {
    private final String actor;
    private final WireTap next;
    private volatile boolean wrote;
    private volatile boolean answered;

    StreamWatch(String actor, WireTap next) {
        this.actor = actor;
        this.next = next;
    }

    @Override
    public void wire(String actor, Direction direction, String xml) {
        // The stream header counts: the capture passes it on as soon as it is read or written.
        if (this.actor.equals(actor)) {
            if (direction == Direction.SENT) wrote = true;
            else answered = true;
        }
        next.wire(actor, direction, xml);
    }

    /** How far a connect that failed with {@code kind} got. */
    Contact contact(SessionException.Kind kind) {
        if (kind == SessionException.Kind.UNREACHABLE) return Contact.UNREACHABLE;
        // A refused login or a TLS failure means the server spoke, whatever the tap saw.
        if (kind == SessionException.Kind.AUTHENTICATION || kind == SessionException.Kind.TLS) return Contact.ANSWERED;
        // Nothing written: the connect failed before any byte (an invalid JID): this script's problem.
        return wrote && !answered ? Contact.NO_STREAM : Contact.ANSWERED;
    }
}
