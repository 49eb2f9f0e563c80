package dev.scansion.match;

/**
 * A top-level element as the server sent it: the raw text, parsed once (safely: no DOCTYPE, no
 * external entities) so that it can be compared with several expectations. The raw text has
 * no {@code xmlns} when it inherits the stream's {@code jabber:client}; {@code stream:} prefixed
 * elements (stream errors) are understood too.
 */
public final class ReceivedStanza {
    private final String raw;

    private ReceivedStanza(String raw) {
        this.raw = raw;
    }

    public static ReceivedStanza parse(String raw) throws MalformedStanzaException {
        throw new UnsupportedOperationException("not built yet");
    }

    public String raw() {
        return raw;
    }

    /** Thrown when the server's bytes are not a well-formed element. */
    public static final class MalformedStanzaException extends Exception {
        public MalformedStanzaException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
