package dev.scansion.match;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The one way this project reads XML a server or a client sent: the JDK's SAX parser, namespace
 * aware, with no DOCTYPE, no external entities or DTDs, and the JDK's processing limits. Used by
 * the matcher's {@link StanzaReader} and by the generaliser ({@code author.StanzaTree}).
 */
public final class SafeSax {
    private SafeSax() {
    }

    /** A fresh reader; not thread-safe, one per thread or per parse. */
    public static XMLReader reader() {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setValidating(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return f.newSAXParser().getXMLReader();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's SAX parser lacks a required feature", e);
        }
    }
}
