package dev.scansion.exec;

import java.io.StringReader;
import java.time.Instant;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/** Recognises a captured {@code <stream:error/>} and reads its condition and text. */
final class StreamErrors {
    static final String STREAMS_NS = "http://etherx.jabber.org/streams";
    static final String ERRORS_NS = "urn:ietf:params:xml:ns:xmpp-streams";
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(StreamErrors::newBuilder);

    private StreamErrors() {
    }

    /**
     * The stream error, if {@code raw} is one. {@code streamPrefix} is the prefix the server bound
     * to the streams namespace in its stream header (usually "stream").
     */
    static Optional<Inbound.StreamError> parse(String raw, String streamPrefix, Instant at) {
        String prefix = streamPrefix == null || streamPrefix.isEmpty() ? "stream" : streamPrefix;
        if (!raw.startsWith("<" + prefix + ":error")) return Optional.empty();
        String wrapped = "<w xmlns='jabber:client' xmlns:" + prefix + "='" + STREAMS_NS + "'>" + raw + "</w>";
        String condition = "undefined-condition";
        String text = "";
        try {
            Element w = BUILDER.get().parse(new InputSource(new StringReader(wrapped))).getDocumentElement();
            for (Node n = w.getFirstChild().getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && ERRORS_NS.equals(e.getNamespaceURI())) {
                    if ("text".equals(e.getLocalName())) text = e.getTextContent().trim();
                    else condition = e.getLocalName();
                }
            }
        } catch (Exception e) {
            // Keep the generic condition: the raw text is still reported.
        }
        return Optional.of(new Inbound.StreamError(condition, text, raw, at));
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder();
        } catch (Exception e) {
            throw new IllegalStateException("no XML parser", e);
        }
    }
}
