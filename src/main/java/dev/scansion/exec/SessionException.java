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
    /** The server's SASL failure condition (RFC 6120 6.5), when it gave one: a recording proxy passes it on. */
    private final String saslCondition;

    public SessionException(Kind kind, String message) {
        this(kind, message, null);
    }

    public SessionException(Kind kind, String message, String saslCondition) {
        super(message);
        this.kind = kind;
        this.saslCondition = saslCondition;
    }

    /** The SASL failure condition the server sent ({@code not-authorized}...), for {@link Kind#AUTHENTICATION}. */
    public java.util.Optional<String> saslCondition() {
        return java.util.Optional.ofNullable(saslCondition);
    }

    public Kind kind() {
        return kind;
    }
}
