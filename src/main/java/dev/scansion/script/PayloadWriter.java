package dev.scansion.script;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

import dev.scansion.script.ast.Bindings;
import dev.scansion.script.ast.Value;
import dev.scansion.script.ast.XmlAttribute;
import dev.scansion.script.ast.XmlElement;
import dev.scansion.script.ast.XmlNode;
import dev.scansion.script.ast.XmlText;
import dev.scansion.text.XmlEscape;

/**
 * Serialises a payload element for sending: variables substituted and escaped, {@code scansion:*}
 * attributes left out, prefixes and namespace declarations as written, no added {@code xmlns}
 * on top-level elements in {@code jabber:client} (the stream's default namespace).
 * <p>
 * Prefixed declarations of the {@code scansion} namespace are left out too (only the left-out
 * attributes use it); an element in that namespace gets its prefix bound on itself, so the output
 * is always well-formed on its own.
 * Attribute values are written in double quotes, with tabs and line breaks as character
 * references so that they arrive as written. Iterative: nesting depth costs no Java stack.
 */
public final class PayloadWriter {
    private PayloadWriter() {
    }

    /**
     * @throws Bindings.UnboundVariableException a variable has no value yet
     * {@code {scansion:any}} is written as that literal text (the parser already turns it into
     * plain text in a {@code sends} payload; an element built by other code may still hold it).
     *
     * @throws IllegalArgumentException          the element holds a capture marker (the parser
     *                                           never lets one into a {@code sends} payload)
     */
    public static String write(XmlElement element, Bindings bindings) throws Bindings.UnboundVariableException {
        StringBuilder out = new StringBuilder();
        Deque<Iterator<XmlNode>> stack = new ArrayDeque<>();
        Deque<XmlElement> open = new ArrayDeque<>();
        if (startTag(element, bindings, out)) {
            open.push(element);
            stack.push(element.children().iterator());
        }
        while (!stack.isEmpty()) {
            Iterator<XmlNode> it = stack.peek();
            if (!it.hasNext()) {
                stack.pop();
                out.append("</").append(open.pop().qualifiedName()).append('>');
                continue;
            }
            XmlNode node = it.next();
            if (node instanceof XmlText t) {
                escape(resolve(t.value(), bindings), false, out);
            } else if (node instanceof XmlElement e && startTag(e, bindings, out)) {
                open.push(e);
                stack.push(e.children().iterator());
            }
        }
        return out.toString();
    }

    /** Writes the start tag; returns false when it was self-closing (no children). */
    private static boolean startTag(XmlElement e, Bindings bindings, StringBuilder out)
            throws Bindings.UnboundVariableException {
        out.append('<').append(e.qualifiedName());
        if (XmlElement.SCANSION_NS.equals(e.namespace()) && !e.prefix().isEmpty()) {
            // the scansion prefix is bound by the parser's wrapper, not in the script: bind it here
            out.append(" xmlns:").append(e.prefix()).append("=\"").append(XmlElement.SCANSION_NS).append('"');
        }
        for (Map.Entry<String, String> d : e.namespaceDeclarations().entrySet()) {
            if (XmlElement.SCANSION_NS.equals(d.getValue()) && !d.getKey().isEmpty()) continue;
            out.append(' ').append(d.getKey().isEmpty() ? "xmlns" : "xmlns:" + d.getKey()).append("=\"");
            escape(d.getValue(), true, out);
            out.append('"');
        }
        for (XmlAttribute a : e.attributes()) {
            if (XmlElement.SCANSION_NS.equals(a.namespace())) continue;
            out.append(' ').append(a.qualifiedName()).append("=\"");
            escape(resolve(a.value(), bindings), true, out);
            out.append('"');
        }
        if (e.children().isEmpty()) {
            out.append("/>");
            return false;
        }
        out.append('>');
        return true;
    }

    private static String resolve(Value value, Bindings bindings) throws Bindings.UnboundVariableException {
        if (value instanceof Value.Any any) {
            return any.toString(); // sent as written, as the parser does for a sends payload
        }
        if (!(value instanceof Value.Template t)) {
            throw new IllegalArgumentException("capture marker " + value + " cannot be sent");
        }
        StringBuilder sb = new StringBuilder();
        for (Value.Part p : t.parts()) {
            if (p instanceof Value.Literal l) sb.append(l.text());
            else sb.append(bindings.resolve((Value.Variable) p));
        }
        return sb.toString();
    }

    /** As the reports escape (one escaper for the project): characters XML 1.0 cannot carry are left out. */
    private static void escape(String s, boolean attribute, StringBuilder out) {
        XmlEscape.append(out, s, attribute);
    }
}
