package dev.scansion.recorder;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import dev.scansion.text.XmlEscape;
import dev.scansion.wire.XmppNamespaces;

/** What the proxy itself writes to a client: stream headers, features, negotiation answers, stream errors. */
final class ProxyXml {
    static final String TLS = "urn:ietf:params:xml:ns:xmpp-tls";
    static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";
    static final String BIND = "urn:ietf:params:xml:ns:xmpp-bind";
    static final String SESSION = "urn:ietf:params:xml:ns:xmpp-session";
    static final String CLOSE = "</stream:stream>";
    static final String PROCEED = "<proceed xmlns='" + TLS + "'/>";
    static final String SUCCESS = "<success xmlns='" + SASL + "'/>";
    private static final String MECHANISMS = "<mechanisms xmlns='" + SASL + "'><mechanism>PLAIN</mechanism></mechanisms>";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ProxyXml() {
    }

    /** Our stream header, with a fresh id; {@code domain} may be empty when the client named none. */
    static String header(String domain) {
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        return "<?xml version='1.0'?><stream:stream xmlns='" + XmppNamespaces.CLIENT + "' xmlns:stream='"
                + XmppNamespaces.STREAMS + "' id='" + HexFormat.of().formatHex(id) + "'"
                + (domain.isEmpty() ? "" : " from='" + XmlEscape.attribute(domain) + "'")
                + " version='1.0' xml:lang='en'>";
    }

    /** Before TLS: STARTTLS (and SASL unless TLS is required). */
    static String featuresBeforeTls(boolean required) {
        return "<stream:features><starttls xmlns='" + TLS + "'>" + (required ? "<required/>" : "") + "</starttls>"
                + (required ? "" : MECHANISMS) + "</stream:features>";
    }

    static String featuresSasl() {
        return "<stream:features>" + MECHANISMS + "</stream:features>";
    }

    /** After SASL: resource binding and the legacy session, optional (RFC 6121 and its errata). */
    static String featuresBind() {
        return "<stream:features><bind xmlns='" + BIND + "'/><session xmlns='" + SESSION
                + "'><optional/></session></stream:features>";
    }

    static String saslFailure(String condition) {
        return "<failure xmlns='" + SASL + "'><" + condition + "/></failure>";
    }

    static String bindResult(String id, String fullJid) {
        return "<iq type='result' id='" + XmlEscape.attribute(id) + "'><bind xmlns='" + BIND + "'><jid>"
                + XmlEscape.text(fullJid) + "</jid></bind></iq>";
    }

    static String result(String id) {
        return "<iq type='result' id='" + XmlEscape.attribute(id) + "'/>";
    }

    /** An IQ error for a bind the server refused; {@code text} is shown to the client. */
    static String iqError(String id, String condition, String text) {
        return "<iq type='error' id='" + XmlEscape.attribute(id) + "'><error type='cancel'><" + condition
                + " xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/><text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>"
                + XmlEscape.text(text) + "</text></error></iq>";
    }

    /** A stream error and the closing tag (RFC 6120 4.9). */
    static String streamError(String condition, Optional<String> text) {
        return "<stream:error><" + condition + " xmlns='" + XmppNamespaces.STREAM_ERRORS + "'/>"
                + text.map(t -> "<text xmlns='" + XmppNamespaces.STREAM_ERRORS + "'>" + XmlEscape.text(t) + "</text>")
                .orElse("") + "</stream:error>" + CLOSE;
    }
}
