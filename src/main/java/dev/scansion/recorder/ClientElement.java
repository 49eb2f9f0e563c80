package dev.scansion.recorder;

import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilder;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import dev.scansion.wire.SafeDom;
import dev.scansion.wire.XmppNamespaces;

/**
 * One top-level element a client sent during negotiation (STARTTLS, SASL, bind, the session IQ),
 * read as it stood in the client's stream (default namespace {@code jabber:client}). No DOCTYPE,
 * no external entity.
 */
record ClientElement(Element element) {
    private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(SafeDom::builder);

    /** The element, or empty when it is not well-formed. */
    static Optional<ClientElement> parse(String xml) {
        String wrapped = "<w xmlns='" + XmppNamespaces.CLIENT + "' xmlns:stream='" + XmppNamespaces.STREAMS + "'>"
                + xml + "</w>";
        DocumentBuilder builder = BUILDERS.get();
        try {
            Element root = builder.parse(new InputSource(new StringReader(wrapped))).getDocumentElement();
            return firstChild(root).map(ClientElement::new);
        } catch (SAXException | IOException e) {
            BUILDERS.remove();
            return Optional.empty();
        }
    }

    boolean is(String localName, String namespace) {
        return localName.equals(element.getLocalName()) && namespace.equals(element.getNamespaceURI());
    }

    String attribute(String name) {
        return element.getAttribute(name);
    }

    String text() {
        return element.getTextContent();
    }

    /** The first child element, if any (the payload of an IQ, a SASL failure's condition). */
    Optional<ClientElement> child() {
        return firstChild(element).map(ClientElement::new);
    }

    /** The child element named so, if any. */
    Optional<ClientElement> child(String localName, String namespace) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName()) && namespace.equals(e.getNamespaceURI())) {
                return Optional.of(new ClientElement(e));
            }
        }
        return Optional.empty();
    }

    private static Optional<Element> firstChild(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) return Optional.of(e);
        }
        return Optional.empty();
    }

}
