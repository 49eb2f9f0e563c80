package dev.scansion.author;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import dev.scansion.script.ast.SourcePos;
import dev.scansion.script.ast.XmlElement;
import dev.scansion.text.XmlEscape;

/**
 * Writes one recorded element as an indented payload: element-only content one child per line,
 * an element with text (or mixed content) on one line exactly as its text is, so that no
 * whitespace is added inside text. Each value goes through a {@link Decider}; where a value is
 * written literally, its position (as the parser will give it: an attribute's name, a text's first
 * non-blank character) is reported with its path.
 */
final class PayloadPrinter {
    /** A value as written: script syntax, not yet XML-escaped; {@code literal} when not a marker. */
    record Piece(String script, boolean literal) {
    }

    /** How each value is written. */
    interface Decider {
        /** The attribute's written form, or null to leave it out. */
        Piece attribute(List<String> elementPath, String path, StanzaTree.Attribute attribute, boolean strict);

        /** The written form of an element's (non-blank) text, joined as the matcher joins it; null to leave it out. */
        Piece text(List<String> elementPath, String path, String text);

        /**
         * Whether a strict element must be written loose ({@code scansion:strict="false"}): a value of
         * it may be absent in another run, which a strict element cannot accept.
         */
        default boolean loosen(String path, StanzaTree.Element element) {
            return false;
        }
    }

    private final ScriptBuilder out;
    private final Decider decider;
    private final boolean exactText;
    private final BiConsumer<SourcePos, String> origins;

    /**
     * @param exactText write whitespace-only text too (a send's payload is sent as written)
     * @param origins   told the position and path of every literal value written
     */
    PayloadPrinter(ScriptBuilder out, Decider decider, boolean exactText, BiConsumer<SourcePos, String> origins) {
        this.out = out;
        this.decider = decider;
        this.exactText = exactText;
        this.origins = origins;
    }

    void write(StanzaTree.Element root) {
        element(root, ValuePaths.rootSegment(root), XmlElement.JABBER_CLIENT, new ArrayList<>(), 1, true);
    }

    private void element(StanzaTree.Element e, String path, String parentNs, List<String> clarks, int depth,
                         boolean ownLine) {
        clarks.add(e.clark());
        List<String> here = List.copyOf(clarks);
        boolean strict = !XmlElement.JABBER_CLIENT.equals(e.namespace());
        boolean loosen = strict && decider.loosen(path, e);
        if (ownLine) out.append("\t".repeat(depth));
        startTag(e, path, parentNs, here, strict, loosen);
        Piece text = e.text().isBlank() ? null : decider.text(here, path + "/text()", e.text());
        boolean hasText = text != null || exactText && !e.text().isEmpty() && !e.hasElements();
        if (!e.hasElements() && !hasText) {
            out.append("/>");
        } else if (!hasText) {
            out.append(">\n");
            for (StanzaTree.Element c : e.elements()) {
                element(c, ValuePaths.child(e, c, path), e.namespace(), clarks, depth + 1, true);
                out.append("\n");
            }
            out.append("\t".repeat(depth)).append("</").append(e.localName()).append(">");
        } else {
            out.append(">");
            inline(e, text, path, clarks, depth);
            out.append("</").append(e.localName()).append(">");
        }
        clarks.remove(clarks.size() - 1);
    }

    /** Content with text, on the current line: text runs as they are, child elements inline. */
    private void inline(StanzaTree.Element e, Piece text, String path, List<String> clarks, int depth) {
        boolean single = e.children().size() == 1;
        boolean first = true;
        for (StanzaTree.Node n : e.children()) {
            if (n instanceof StanzaTree.Element c) {
                element(c, ValuePaths.child(e, c, path), e.namespace(), clarks, depth + 1, false);
            } else if (n instanceof StanzaTree.Text t) {
                if (text == null) {
                    if (exactText) out.append(escapeText(t.text()));
                    continue;
                }
                if (t.text().isBlank() && !single && !exactText) continue; // layout between elements, as the parser reads it
                String written = escapeText(single ? text.script() : t.text());
                if (first && text.literal()) origins.accept(firstNonBlank(written), path + "/text()");
                first = false;
                out.append(written);
            }
        }
    }

    private void startTag(StanzaTree.Element e, String path, String parentNs, List<String> here, boolean strict,
                          boolean loosen) {
        out.append("<").append(e.localName());
        if (!e.namespace().equals(parentNs)) out.append(" xmlns=\"").append(XmlEscape.attribute(e.namespace())).append("\"");
        List<String> prefixed = new ArrayList<>();
        for (StanzaTree.Attribute a : e.attributes()) {
            if (a.namespace().isEmpty() || a.namespace().equals(ValuePaths.XML_NS) || prefixed.contains(a.namespace())) {
                continue;
            }
            prefixed.add(a.namespace());
            out.append(" xmlns:a").append(String.valueOf(prefixed.size())).append("=\"")
                    .append(XmlEscape.attribute(a.namespace())).append("\"");
        }
        if (loosen || strict && e.elements().size() > 1 && VolatileRules.unordered(e.clark())) {
            out.append(" scansion:strict=\"false\"");
        }
        for (StanzaTree.Attribute a : e.attributes()) {
            Piece p = decider.attribute(here, path + "/" + ValuePaths.attribute(a), a, strict && !loosen);
            if (p == null) continue;
            out.append(" ");
            if (p.literal()) origins.accept(out.pos(), path + "/" + ValuePaths.attribute(a));
            out.append(qualified(a, prefixed)).append("=\"").append(XmlEscape.attribute(p.script())).append("\"");
        }
    }

    private static String qualified(StanzaTree.Attribute a, List<String> prefixed) {
        if (a.namespace().isEmpty()) return a.localName();
        if (a.namespace().equals(ValuePaths.XML_NS)) return "xml:" + a.localName();
        return "a" + (prefixed.indexOf(a.namespace()) + 1) + ":" + a.localName();
    }

    /** Character data on one payload line: a line break would end the payload, so it is a reference. */
    static String escapeText(String s) {
        return XmlEscape.text(s).replace("\n", "&#10;");
    }

    private SourcePos firstNonBlank(String written) {
        int i = 0;
        while (i < written.length() && Character.isWhitespace(written.charAt(i))) i++;
        SourcePos at = out.pos();
        return new SourcePos(at.line(), at.column() + written.codePointCount(0, i));
    }
}
