package dev.scansion.match;

/**
 * A top-level element as the server sent it: the raw text, parsed once (safely: no DOCTYPE, no
 * external entities) so that it can be compared with several expectations, from any thread.
 * The raw text has no {@code xmlns} when it inherits the stream's {@code jabber:client};
 * {@code stream:} prefixed elements (stream errors) are understood too.
 */
public final class ReceivedStanza {
    private final String raw;
    private final ReceivedElement root;

    private ReceivedStanza(String raw, ReceivedElement root) {
        this.raw = raw;
        this.root = root;
    }

    /** Parses one top-level element as it stood inside the client stream. */
    public static ReceivedStanza parse(String raw) throws MalformedStanzaException {
        return new ReceivedStanza(raw, StanzaReader.read(raw).root());
    }

    public String raw() {
        return raw;
    }

    /** The element's local name, e.g. {@code presence} or (for a stream error) {@code error}. */
    public String localName() {
        return root.localName();
    }

    /** The element's namespace URI, e.g. {@code jabber:client}. */
    public String namespace() {
        return root.namespace();
    }

    /** The name as received, with its prefix: {@code presence}, {@code stream:error}. */
    public String qualifiedName() {
        return root.qualifiedName();
    }

    /** The stanza indented by two spaces per level, attributes as received: stable text for reports. */
    public String pretty() {
        return StanzaPrinter.pretty(root);
    }

    /** The start tag alone, e.g. {@code <presence from='a@b/c' type='unavailable'>}: a one-line summary. */
    public String startTag() {
        return StanzaPrinter.startTag(root);
    }

    /** Whether this is a {@code <stream:error>}; its condition and text: {@code dev.scansion.wire.StreamError}. */
    public boolean isStreamError() {
        return root.sameIdentity(StanzaReader.STREAM_NS, "error");
    }

    ReceivedElement root() {
        return root;
    }

    @Override
    public String toString() {
        return raw;
    }

    /** Thrown when the server's bytes are not a well-formed element. */
    public static final class MalformedStanzaException extends Exception {
        public MalformedStanzaException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
