package dev.scansion.accept;

import java.util.ArrayList;
import java.util.List;

import dev.scansion.author.JidNames;
import dev.scansion.author.Values;
import dev.scansion.script.ast.XmlElement;

/**
 * Writes a received element as payload text, generalised by the recorder's rule ({@link Values}:
 * JIDs as variables, values the server mints as markers or left out), in the file's style: its
 * quote character, its indentation unit, its line end. Used where the editor must add what the
 * expectation lacks: a child a strict element requires, or the stanza a {@code receives: nothing} got.
 */
final class StanzaRenderer {
    /**
     * The file's way of writing payloads.
     *
     * @param unit    one level of indentation inside a payload ({@code "\t"}, {@code "  "})
     * @param quote   the quote character of attribute values
     * @param newline the file's line end
     */
    record Style(String unit, char quote, String newline) {
    }

    private final Style style;
    private final Naming names;

    StanzaRenderer(Style style, Naming names) {
        this.style = style;
        this.names = names;
    }

    /**
     * The element from its {@code <} to its end; lines after the first start with {@code indent} (the
     * element's own line's indentation) plus units.
     *
     * @param path     the Clark names from the stanza down to the element's parent
     * @param parentNs the namespace the element would inherit
     */
    String render(Received r, List<String> path, String parentNs, String indent) {
        List<String> here = new ArrayList<>(path);
        here.add(r.clark());
        boolean strict = !r.namespace().equals(XmlElement.JABBER_CLIENT);
        StringBuilder sb = new StringBuilder("<").append(r.localName());
        if (!r.namespace().equals(parentNs)) sb.append(' ').append(attribute("xmlns", r.namespace()));
        for (Received.Attribute a : r.attributes()) {
            Values.Written w = names.attribute(here, a.namespace(), a.localName(), a.value(), strict);
            if (w instanceof Values.Literal l) sb.append(' ').append(attribute(a.qualifiedName(), l.text()));
            else if (w instanceof Values.Any) sb.append(' ').append(attribute(a.qualifiedName(), "{scansion:any}"));
        }
        String text = r.text().isEmpty() ? "" : names.text(here, r.text()) instanceof Values.Literal l
                ? Escape.text(l.text()) : "";
        if (r.children().isEmpty()) {
            return text.isEmpty() ? sb.append("/>").toString()
                    : sb.append('>').append(text).append("</").append(r.localName()).append('>').toString();
        }
        sb.append('>');
        String inner = indent + style.unit();
        if (!text.isEmpty()) sb.append(style.newline()).append(inner).append(text);
        for (Received c : r.children()) {
            sb.append(style.newline()).append(inner).append(render(c, here, r.namespace(), inner));
        }
        return sb.append(style.newline()).append(indent).append("</").append(r.localName()).append('>').toString();
    }

    String attribute(String name, String value) {
        return name + "=" + style.quote() + Escape.attribute(value, style.quote()) + style.quote();
    }
}
