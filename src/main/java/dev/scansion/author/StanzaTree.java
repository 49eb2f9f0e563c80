package dev.scansion.author;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import dev.scansion.match.SafeSax;
import dev.scansion.script.ParseOptions;

/**
 * A top-level element as a recorder saw it, parsed into a small tree the generaliser walks: names
 * by namespace URI, attributes and text in document order. Parsed inside a wrapper declaring the
 * stream's {@code jabber:client} and {@code stream} prefix, as it stood in the stream; no DOCTYPE,
 * no external entity. (The matcher's own tree is private to it; this one keeps text runs in order,
 * which writing a payload needs.)
 */
record StanzaTree(Element root) {
    static final String STREAM_NS = "http://etherx.jabber.org/streams";
    private static final String OPEN = "<w xmlns='jabber:client' xmlns:stream='" + STREAM_NS + "'>";

    sealed interface Node permits Element, Text {
    }

    /** An element; {@code namespace} is "" for none. */
    record Element(String namespace, String localName, List<Attribute> attributes, List<Node> children)
            implements Node {
        Element {
            attributes = List.copyOf(attributes);
            children = List.copyOf(children);
        }

        String clark() {
            return "{" + namespace + "}" + localName;
        }

        List<Element> elements() {
            return children.stream().filter(Element.class::isInstance).map(Element.class::cast).toList();
        }

        boolean hasElements() {
            return children.stream().anyMatch(Element.class::isInstance);
        }

        /** The direct text runs joined, as the matcher sees them before trimming. */
        String text() {
            StringBuilder sb = new StringBuilder();
            for (Node n : children) if (n instanceof Text t) sb.append(t.text());
            return sb.toString();
        }
    }

    /** An attribute; {@code namespace} is "" for an unprefixed one. */
    record Attribute(String namespace, String localName, String value) {
    }

    record Text(String text) implements Node {
    }

    /** Thrown when a recorded element is not one well-formed element. */
    static final class MalformedException extends Exception {
        MalformedException(String message) {
            super(message);
        }
    }

    static StanzaTree parse(String raw) throws MalformedException {
        Handler handler = new Handler();
        try {
            XMLReader reader = SafeSax.reader();
            reader.setContentHandler(handler);
            reader.setErrorHandler(handler);
            reader.parse(new InputSource(new StringReader(OPEN + raw + "</w>")));
        } catch (SAXException | IOException e) {
            throw new MalformedException("not well-formed XML: " + e.getMessage());
        }
        if (handler.deepest > ParseOptions.DEFAULT_MAX_DEPTH + 1) {
            // the parser refuses deeper payloads, so a script holding this element would not parse
            throw new MalformedException("nested more than " + ParseOptions.DEFAULT_MAX_DEPTH + " levels deep");
        }
        if (handler.roots.size() != 1) {
            throw new MalformedException("expected exactly one top-level element, found " + handler.roots.size());
        }
        return new StanzaTree(handler.roots.get(0));
    }

    private static final class Builder {
        final String namespace;
        final String localName;
        final List<Attribute> attributes = new ArrayList<>();
        final List<Node> children = new ArrayList<>();
        final StringBuilder run = new StringBuilder();

        Builder(String namespace, String localName) {
            this.namespace = namespace;
            this.localName = localName;
        }

        void flush() {
            if (run.length() > 0) children.add(new Text(run.toString()));
            run.setLength(0);
        }
    }

    /** Builds elements bottom-up; depth 0 is the synthetic wrapper, which is dropped. */
    private static final class Handler extends DefaultHandler {
        private final Deque<Builder> open = new ArrayDeque<>();
        private final List<Element> roots = new ArrayList<>(1);
        private int depth;
        private int deepest;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            deepest = Math.max(deepest, depth + 1);
            if (depth++ == 0) return;
            Builder parent = open.peek();
            if (parent != null) parent.flush();
            Builder b = new Builder(uri == null ? "" : uri, localName);
            for (int i = 0; i < atts.getLength(); i++) {
                String ns = atts.getURI(i) == null ? "" : atts.getURI(i);
                b.attributes.add(new Attribute(ns, atts.getLocalName(i), atts.getValue(i)));
            }
            open.push(b);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (--depth == 0) return;
            Builder b = open.pop();
            b.flush();
            Element done = new Element(b.namespace, b.localName, b.attributes, b.children);
            Builder parent = open.peek();
            if (parent == null) roots.add(done);
            else parent.children.add(done);
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            Builder b = open.peek();
            if (b != null) b.run.append(ch, start, length);
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
