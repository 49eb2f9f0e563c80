package dev.scansion.wire;

/** The namespaces of the stream itself (RFC 6120), which are easy to confuse. */
public final class XmppNamespaces {
    /** The namespace of {@code <stream:stream>}, {@code <stream:features>} and {@code <stream:error>} itself. */
    public static final String STREAMS = "http://etherx.jabber.org/streams";
    /** The namespace of a stream error's condition and text, inside {@code <stream:error>}. */
    public static final String STREAM_ERRORS = "urn:ietf:params:xml:ns:xmpp-streams";
    /** The default namespace of a client stream. */
    public static final String CLIENT = "jabber:client";

    private XmppNamespaces() {
    }
}
