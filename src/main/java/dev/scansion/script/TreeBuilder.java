package dev.scansion.script;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import dev.scansion.script.ast.SourcePos;
import dev.scansion.script.ast.XmlAttribute;
import dev.scansion.script.ast.XmlElement;
import dev.scansion.script.ast.XmlNode;
import dev.scansion.script.ast.XmlText;

/**
 * Builds the element trees of one payload from StAX events, iteratively (an explicit stack, so
 * depth never costs Java stack), taking positions from the scanner's tokens, which come in the
 * same order as the events.
 */
final class TreeBuilder {
    private final PayloadParser.Document doc;
    private final List<XmlScanner.Token> tokens;
    private final boolean receive;
    private final ValueParser values;
    private final Diagnostics diagnostics;
    private final int maxDepth;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final List<XmlElement> top = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private int textStart;
    private int lastMarkupEnd;
    private int cursor;
    private boolean failed;

    /** An element being built. */
    private static final class Frame {
        XmlScanner.StartTag tag;
        String namespace;
        String localName;
        String prefix;
        final Map<String, String> declarations = new LinkedHashMap<>();
        final List<XmlAttribute> attributes = new ArrayList<>();
        Optional<Boolean> strict = Optional.empty();
        final List<Object> children = new ArrayList<>();
        SourcePos pos;
    }

    /** Character data not yet turned into a node: the decoded text and its raw range in the document. */
    private record PendingText(String text, int start, int end) {
    }

    TreeBuilder(PayloadParser.Document doc, List<XmlScanner.Token> tokens, boolean receive, ValueParser values,
                Diagnostics diagnostics, int maxDepth) {
        this.doc = doc;
        this.tokens = tokens;
        this.receive = receive;
        this.values = values;
        this.diagnostics = diagnostics;
        this.maxDepth = maxDepth;
        this.lastMarkupEnd = doc.payloadStart;
    }

    /** The top-level elements; null when an error was reported. XML syntax errors are thrown. */
    List<XmlElement> build(XMLStreamReader r) throws XMLStreamException {
        boolean inWrapper = false;
        while (r.hasNext()) {
            switch (r.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (!inWrapper) inWrapper = true;
                    else if (!start(r)) return null;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (stack.isEmpty()) {
                        flush(doc.payloadEnd);
                        return failed ? null : top;
                    }
                    end();
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                     XMLStreamConstants.ENTITY_REFERENCE -> {
                    if (text.isEmpty()) textStart = lastMarkupEnd;
                    text.append(r.getText());
                }
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    XmlScanner.Token t = next(XmlScanner.Other.class);
                    if (t != null) lastMarkupEnd = t.end();
                }
                default -> {
                }
            }
        }
        return failed ? null : top;
    }

    private boolean start(XMLStreamReader r) {
        XmlScanner.StartTag tag = (XmlScanner.StartTag) next(XmlScanner.StartTag.class);
        flush(tag != null ? tag.start() : lastMarkupEnd);
        Frame f = new Frame();
        f.tag = tag;
        f.pos = doc.pos(tag != null ? tag.start() : lastMarkupEnd);
        if (stack.size() >= maxDepth) {
            diagnostics.error(f.pos.line(), f.pos.column(), 1, "payload is nested too deeply",
                    "more than " + maxDepth + " levels of elements");
            failed = true;
            return false;
        }
        f.namespace = nz(r.getNamespaceURI());
        f.localName = r.getLocalName();
        f.prefix = nz(r.getPrefix());
        for (int i = 0; i < r.getNamespaceCount(); i++) {
            f.declarations.put(nz(r.getNamespacePrefix(i)), nz(r.getNamespaceURI(i)));
        }
        Map<String, XmlScanner.Attr> byName = byName(tag);
        for (int i = 0; i < r.getAttributeCount(); i++) {
            attribute(f, byName, nz(r.getAttributeNamespace(i)), r.getAttributeLocalName(i), nz(r.getAttributePrefix(i)),
                    r.getAttributeValue(i));
        }
        if (tag != null) lastMarkupEnd = tag.end();
        stack.push(f);
        return true;
    }

    /** The scanner's attributes of a tag by name: one lookup per attribute, not one scan of them all. */
    private static Map<String, XmlScanner.Attr> byName(XmlScanner.StartTag tag) {
        if (tag == null) return Map.of();
        Map<String, XmlScanner.Attr> map = new HashMap<>();
        for (XmlScanner.Attr a : tag.attrs()) map.putIfAbsent(a.name(), a);
        return map;
    }

    private void attribute(Frame f, Map<String, XmlScanner.Attr> byName, String ns, String local, String prefix,
                           String value) {
        String qname = prefix.isEmpty() ? local : prefix + ":" + local;
        XmlScanner.Attr a = byName.get(qname);
        SourcePos pos = a == null ? f.pos : doc.pos(a.nameStart());
        if (XmlElement.SCANSION_NS.equals(ns)) {
            scansionAttribute(f, local, value, pos, qname.length());
            return;
        }
        ValueParser.Raw raw = a == null ? raw(f.tag == null ? lastMarkupEnd : f.tag.start(), lastMarkupEnd)
                : raw(a.valueStart(), a.valueEnd());
        f.attributes.add(new XmlAttribute(ns, local, prefix, values.attribute(value, receive, raw), pos));
    }

    private void scansionAttribute(Frame f, String local, String value, SourcePos pos, int length) {
        if (!local.equals("strict")) {
            diagnostics.warning(pos.line(), pos.column(), length, "unknown attribute 'scansion:" + local + "' ignored",
                    "only scansion:strict is known");
            return;
        }
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> f.strict = Optional.of(true);
            case "false" -> f.strict = Optional.of(false);
            default -> diagnostics.error(pos.line(), pos.column(), length, "bad value for scansion:strict",
                    "expected 'true' or 'false', found '" + Diagnostics.quoted(value) + "'");
        }
    }

    private void end() {
        Frame f = stack.peek();
        if (f.tag == null || !f.tag.selfClosing()) {
            XmlScanner.Token t = next(XmlScanner.EndTag.class);
            flush(t != null ? t.start() : lastMarkupEnd);
            if (t != null) lastMarkupEnd = t.end();
        }
        stack.pop();
        boolean hasElements = f.children.stream().anyMatch(XmlElement.class::isInstance);
        List<XmlNode> children = new ArrayList<>();
        for (Object c : f.children) {
            if (c instanceof XmlElement e) children.add(e);
            else if (c instanceof PendingText p && keep(p, hasElements)) children.add(textNode(p));
        }
        XmlElement e = new XmlElement(f.namespace, f.localName, f.prefix, f.declarations, f.attributes, f.strict,
                children, f.pos);
        if (stack.isEmpty()) top.add(e);
        else stack.peek().children.add(e);
    }

    /** Whitespace between child elements is layout; so is a line break alone inside an element without children. */
    private static boolean keep(PendingText p, boolean hasElements) {
        if (!p.text().isBlank()) return true;
        return !hasElements && p.text().indexOf('\n') < 0 && p.text().indexOf('\r') < 0;
    }

    private XmlText textNode(PendingText p) {
        int first = p.start();
        while (first < p.end() && Character.isWhitespace(doc.text.charAt(first))) first++;
        SourcePos pos = doc.pos(first < p.end() ? first : p.start());
        return new XmlText(values.text(p.text(), receive, raw(p.start(), p.end())), pos);
    }

    /** Ends the current run of character data at document offset {@code end}. */
    private void flush(int end) {
        if (text.isEmpty()) return;
        PendingText p = new PendingText(text.toString(), textStart, Math.max(textStart, end));
        text.setLength(0);
        if (!stack.isEmpty()) {
            stack.peek().children.add(p);
        } else if (!p.text().isBlank()) {
            int first = p.start();
            while (first < p.end() && Character.isWhitespace(doc.text.charAt(first))) first++;
            SourcePos pos = doc.pos(first);
            int len = Math.max(1, Math.min(p.text().strip().length(), doc.text.indexOf('\n', first) - first));
            diagnostics.error(pos.line(), pos.column(), len, "text outside an element",
                    "every payload line must be part of an XML element");
            failed = true;
        }
    }

    private XmlScanner.Token next(Class<? extends XmlScanner.Token> kind) {
        if (cursor < tokens.size() && kind.isInstance(tokens.get(cursor))) return tokens.get(cursor++);
        return null;
    }

    private ValueParser.Raw raw(int start, int end) {
        String s = doc.text.substring(Math.min(start, end), end);
        return new ValueParser.Raw() {
            public String text() {
                return s;
            }

            public SourcePos pos(int offset) {
                return doc.pos(Math.min(start, end) + offset);
            }
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
