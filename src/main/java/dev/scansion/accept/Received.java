package dev.scansion.accept;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A received stanza as the editor reads it: names, attributes in one fixed order (never
 * {@code xmlns} declarations; see {@link #ORDER}), element children, and the direct text joined and trimmed as the
 * matcher compares it. Parsed as it stood in the client stream ({@code jabber:client} default,
 * the {@code stream} prefix declared); no DTD, nothing fetched.
 */
record Received(String namespace, String localName, List<Attribute> attributes, List<Received> children,
                String text) {
    /**
     * Servers send attributes in an order of their own (Prosody's varies between runs): what the
     * accept mode writes must not depend on it, or two runs would rewrite a script two ways.
     * {@code type}, {@code id}, {@code from}, {@code to} first, the others by name, {@code xml:*} last.
     */
    static final java.util.Comparator<Attribute> ORDER = java.util.Comparator
            .comparingInt((Attribute a) -> rank(a)).thenComparing(Attribute::qualifiedName);

    private static int rank(Attribute a) {
        if (a.namespace().equals(XMLConstants.XML_NS_URI)) return 5;
        if (!a.namespace().isEmpty()) return 4;
        int i = List.of("type", "id", "from", "to").indexOf(a.localName());
        return i < 0 ? 4 : i;
    }

    Received {
        attributes = attributes.stream().sorted(ORDER).toList();
        children = List.copyOf(children);
    }

    record Attribute(String namespace, String localName, String prefix, String value) {
        String qualifiedName() {
            return prefix.isEmpty() ? localName : prefix + ":" + localName;
        }
    }

    /** {@code {ns}local}, the form {@code author.Values} takes an element path in. */
    String clark() {
        return "{" + namespace + "}" + localName;
    }

    Attribute attribute(String ns, String local) {
        for (Attribute a : attributes) {
            if (a.namespace().equals(ns) && a.localName().equals(local)) return a;
        }
        return null;
    }

    private static final String OPEN = "<w xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>";

    /** @throws IllegalArgumentException when {@code raw} is not one well-formed element */
    static Received parse(String raw) {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        try {
            XMLStreamReader r = f.createXMLStreamReader(new StringReader(OPEN + raw + "</w>"));
            return read(r);
        } catch (XMLStreamException | RuntimeException e) {
            throw new IllegalArgumentException("the received stanza is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static final class Builder {
        final String ns;
        final String local;
        final List<Attribute> attrs = new ArrayList<>();
        final List<Received> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();

        Builder(String ns, String local) {
            this.ns = ns == null ? "" : ns;
            this.local = local;
        }

        Received build() {
            return new Received(ns, local, attrs, children, text.toString().trim());
        }
    }

    private static Received read(XMLStreamReader r) throws XMLStreamException {
        Deque<Builder> open = new ArrayDeque<>();
        List<Received> roots = new ArrayList<>();
        int depth = 0;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                if (depth++ == 0) continue;
                Builder b = new Builder(r.getNamespaceURI(), r.getLocalName());
                for (int a = 0; a < r.getAttributeCount(); a++) {
                    String ans = r.getAttributeNamespace(a);
                    String prefix = r.getAttributePrefix(a);
                    b.attrs.add(new Attribute(ans == null ? "" : ans, r.getAttributeLocalName(a),
                            prefix == null ? "" : prefix, r.getAttributeValue(a)));
                }
                open.push(b);
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                if (--depth == 0) continue;
                Received done = open.pop().build();
                if (open.isEmpty()) roots.add(done);
                else open.peek().children.add(done);
            } else if ((ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) && !open.isEmpty()) {
                open.peek().text.append(r.getText());
            }
        }
        if (roots.size() != 1) throw new XMLStreamException("expected one element, found " + roots.size());
        return roots.get(0);
    }
}
