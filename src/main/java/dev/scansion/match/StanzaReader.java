package dev.scansion.match;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Parses one received top-level element into a {@link ReceivedElement} tree. The text is parsed
 * inside a wrapper that declares the stream's default namespace and the {@code stream} prefix,
 * as the element stood inside {@code <stream:stream>}. A DOCTYPE is refused (and could not be
 * well-formed inside the wrapper anyway); no external entity is ever read. SAX rather than DOM:
 * one pass straight into the immutable tree, keeping attribute order for printing. The parser
 * is reused per thread because creating one costs more than parsing a stanza.
 */
final class StanzaReader {
    static final String STREAM_NS = "http://etherx.jabber.org/streams";
    private static final String OPEN = "<w xmlns='jabber:client' xmlns:stream='" + STREAM_NS + "'>";
    private static final String CLOSE = "</w>";
    private static final ThreadLocal<XMLReader> READERS = ThreadLocal.withInitial(SafeSax::reader);

    private StanzaReader() {
    }

    /** The root element, or an exception saying why the text is not one well-formed element. */
    static Parsed read(String raw) throws ReceivedStanza.MalformedStanzaException {
        if (raw == null) throw new ReceivedStanza.MalformedStanzaException("no stanza text", null);
        Handler handler = new Handler();
        XMLReader reader = READERS.get();
        reader.setContentHandler(handler);
        reader.setErrorHandler(handler);
        try {
            reader.parse(new InputSource(new StringReader(OPEN + raw + CLOSE)));
        } catch (SAXException | IOException e) {
            READERS.remove(); // a parser that failed mid-document is not trusted again
            throw new ReceivedStanza.MalformedStanzaException("not well-formed XML: " + e.getMessage(), e);
        }
        if (handler.roots.size() != 1) {
            throw new ReceivedStanza.MalformedStanzaException(
                    "expected exactly one top-level element, found " + handler.roots.size(), null);
        }
        return new Parsed(handler.roots.get(0), handler.count);
    }

    record Parsed(ReceivedElement root, int elementCount) {
    }

    /** Builds elements bottom-up; depth 0 is the synthetic wrapper, which is dropped. */
    private static final class Handler extends DefaultHandler {
        private final Deque<Builder> open = new ArrayDeque<>();
        private final List<ReceivedElement> roots = new ArrayList<>(1);
        private Map<String, String> pendingDeclarations;
        private int depth;
        private int count;

        @Override
        public void startPrefixMapping(String prefix, String uri) {
            if (depth == 0) return; // the wrapper's own declarations
            if (pendingDeclarations == null) pendingDeclarations = new LinkedHashMap<>(4);
            pendingDeclarations.put(prefix, uri);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            depth++;
            if (depth == 1) return;
            Builder parent = open.peek();
            if (parent != null) parent.flushText();
            Builder b = new Builder(uri, localName, prefixOf(qName), count++, pendingDeclarations);
            pendingDeclarations = null;
            for (int i = 0, n = atts.getLength(); i < n; i++) {
                b.attributes.add(new ReceivedAttribute(atts.getURI(i), atts.getLocalName(i),
                        prefixOf(atts.getQName(i)), atts.getValue(i)));
            }
            open.push(b);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            depth--;
            if (depth == 0) return;
            ReceivedElement done = open.pop().build();
            Builder parent = open.peek();
            if (parent == null) {
                roots.add(done);
            } else {
                parent.content.add(done);
                parent.elements.add(done);
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            Builder b = open.peek();
            if (b != null) b.run.append(ch, start, length);
        }

        @Override
        public void error(org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
        }

        private static String prefixOf(String qName) {
            int colon = qName.indexOf(':');
            return colon < 0 ? "" : qName.substring(0, colon);
        }
    }

    private static final class Builder {
        final String namespace;
        final String localName;
        final String prefix;
        final int index;
        final Map<String, String> declarations;
        final List<ReceivedAttribute> attributes = new ArrayList<>(4);
        final List<Object> content = new ArrayList<>(4);
        final List<ReceivedElement> elements = new ArrayList<>(4);
        final StringBuilder run = new StringBuilder();
        final StringBuilder text = new StringBuilder();

        Builder(String namespace, String localName, String prefix, int index, Map<String, String> declarations) {
            this.namespace = namespace == null ? "" : namespace;
            this.localName = localName;
            this.prefix = prefix;
            this.index = index;
            this.declarations = declarations == null ? Map.of() : declarations;
        }

        void flushText() {
            if (run.length() == 0) return;
            String s = run.toString();
            run.setLength(0);
            text.append(s);
            if (!Texts.isBlank(s)) content.add(s);
        }

        ReceivedElement build() {
            flushText();
            int size = 1;
            for (ReceivedElement e : elements) size += e.size();
            return new ReceivedElement(namespace, localName, prefix, declarations, List.copyOf(attributes),
                    List.copyOf(content), List.copyOf(elements), Texts.strip(text), index, size);
        }
    }
}
