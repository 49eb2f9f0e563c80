package dev.scansion.exec;

/** A session could not be opened or used; the message is one line, fit for a report. */
public final class SessionException extends Exception {
    /** What went wrong, which decides between a failed script and a runtime error. */
    public enum Kind {
        /** No TCP connection: refused, unresolvable host, connect timeout. A runtime error (exit 3). */
        UNREACHABLE,
        /** TLS negotiation or certificate verification failed, or TLS was required and not offered. */
        TLS,
        /** SASL authentication failed. */
        AUTHENTICATION,
        /** Stream negotiation or resource binding failed, or the server did not answer in time. */
        NEGOTIATION,
        /** The stream is closed (by the server or by a lost connection). */
        CLOSED,
        /** Writing to the socket failed or timed out. */
        IO
    }

    private final Kind kind;

    public SessionException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
