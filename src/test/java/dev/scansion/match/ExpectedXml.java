package dev.scansion.match;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import dev.scansion.script.ast.SourcePos;
import dev.scansion.script.ast.Value;
import dev.scansion.script.ast.XmlAttribute;
import dev.scansion.script.ast.XmlElement;
import dev.scansion.script.ast.XmlNode;
import dev.scansion.script.ast.XmlText;

/**
 * TEST ONLY: turns expected-payload XML text into the script model, the way the real parser
 * will (wrapper declaring {@code jabber:client} and the {@code scansion} prefix, markers,
 * {@code ${...}} variables, whitespace-only text dropped), so matcher tests do not depend on
 * the parser. Positions are 1-based line:column within {@code text}: each element at its
 * {@code <}, each attribute at its name, each text at the first character after the start tag.
 */
final class ExpectedXml {
    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();
    private static final Pattern MARKER_CAPTURE = Pattern.compile("\\{scansion:capture:([^}]+)}");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        FACTORY.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    private final String text;
    private final List<Integer> tagStarts = new ArrayList<>();
    private int nextTag;

    private ExpectedXml(String text) {
        this.text = text;
        for (int i = 0; i + 1 < text.length(); i++) {
            char c = text.charAt(i + 1);
            if (text.charAt(i) == '<' && c != '/' && c != '!' && c != '?') tagStarts.add(i);
        }
    }

    static XmlElement parse(String text) {
        try {
            return new ExpectedXml(text).read();
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("bad test XML: " + e.getMessage() + "\n" + text, e);
        }
    }

    private XmlElement read() throws XMLStreamException {
        String wrapped = "<w xmlns='jabber:client' xmlns:scansion='" + XmlElement.SCANSION_NS + "'>" + text + "</w>";
        XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader(wrapped));
        r.nextTag(); // wrapper
        r.nextTag();
        return element(r);
    }

    /** Reads the element the reader stands on, up to and including its end tag. */
    private XmlElement element(XMLStreamReader r) throws XMLStreamException {
        int start = tagStarts.get(nextTag++);
        int tagEnd = endOfStartTag(start);
        Map<String, String> declarations = new LinkedHashMap<>();
        for (int i = 0; i < r.getNamespaceCount(); i++) {
            declarations.put(r.getNamespacePrefix(i) == null ? "" : r.getNamespacePrefix(i), r.getNamespaceURI(i));
        }
        List<XmlAttribute> attributes = new ArrayList<>();
        Optional<Boolean> strict = Optional.empty();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String ns = r.getAttributeNamespace(i) == null ? "" : r.getAttributeNamespace(i);
            String prefix = r.getAttributePrefix(i) == null ? "" : r.getAttributePrefix(i);
            String local = r.getAttributeLocalName(i);
            if (ns.equals(XmlElement.SCANSION_NS)) {
                if (local.equals("strict")) strict = Optional.of(Boolean.parseBoolean(r.getAttributeValue(i)));
                continue;
            }
            String qname = prefix.isEmpty() ? local : prefix + ":" + local;
            attributes.add(new XmlAttribute(ns, local, prefix, value(r.getAttributeValue(i), true),
                    pos(attributeOffset(start, tagEnd, qname))));
        }
        String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
        String prefix = r.getPrefix() == null ? "" : r.getPrefix();
        String local = r.getLocalName();
        List<XmlNode> children = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        while (true) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                flush(pending, children, tagEnd + 1);
                children.add(element(r));
            } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
                    || ev == XMLStreamConstants.SPACE) {
                pending.append(r.getText());
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                flush(pending, children, tagEnd + 1);
                return new XmlElement(ns, local, prefix, declarations, attributes, strict, children, pos(start));
            }
        }
    }

    private void flush(StringBuilder pending, List<XmlNode> children, int offset) {
        if (pending.toString().isBlank()) {
            pending.setLength(0);
            return;
        }
        children.add(new XmlText(value(pending.toString(), false), pos(offset)));
        pending.setLength(0);
    }

    private int endOfStartTag(int start) {
        char quote = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        throw new IllegalArgumentException("unterminated start tag at " + start);
    }

    private int attributeOffset(int start, int end, String qname) {
        Matcher m = Pattern.compile("\\s(" + Pattern.quote(qname) + ")\\s*=").matcher(text).region(start, end);
        if (!m.find()) throw new IllegalArgumentException("attribute " + qname + " not found");
        return m.start(1);
    }

    private SourcePos pos(int offset) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new SourcePos(line, col);
    }

    static Value value(String raw, boolean attribute) {
        if (attribute && raw.equals("{scansion:any}")) return new Value.Any();
        Matcher cap = MARKER_CAPTURE.matcher(raw);
        if (attribute && cap.matches()) return new Value.Capture(cap.group(1));
        List<Value.Part> parts = new ArrayList<>();
        Matcher m = VARIABLE.matcher(raw);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) parts.add(new Value.Literal(raw.substring(last, m.start())));
            parts.add(variable(m.group(1)));
            last = m.end();
        }
        if (last < raw.length()) parts.add(new Value.Literal(raw.substring(last)));
        return new Value.Template(parts);
    }

    private static Value.Variable variable(String expr) {
        SourcePos somewhere = new SourcePos(1, 1);
        int s = expr.lastIndexOf("'s ");
        if (s > 0 && expr.substring(s + 3).equals("full JID")) {
            return new Value.Variable(expr, Value.Variable.Kind.FULL_JID, expr.substring(0, s), somewhere);
        }
        if (s > 0 && expr.substring(s + 3).equals("JID")) {
            return new Value.Variable(expr, Value.Variable.Kind.JID, expr.substring(0, s), somewhere);
        }
        return new Value.Variable(expr, Value.Variable.Kind.CAPTURE, expr, somewhere);
    }
}
